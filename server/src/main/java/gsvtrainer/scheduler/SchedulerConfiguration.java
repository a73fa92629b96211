package gsvtrainer.scheduler;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Pipeline pipeline() {
        return new Pipeline();
    }

    @Bean
    StepRegistry stepRegistry() {
        return StepRegistry.fromClassPath();
    }
}
