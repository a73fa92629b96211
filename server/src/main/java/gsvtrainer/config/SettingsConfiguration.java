package gsvtrainer.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GsvSettings.class)
class SettingsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
