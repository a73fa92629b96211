package gsvtrainer.steprun;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Prometheus gauges of the run queue: how many runs are in each state, read at scrape time. */
@Component
class RunMetrics {

    RunMetrics(MeterRegistry registry, JdbcClient jdbc) {
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder("gsv.step.runs", () -> jdbc.sql("SELECT COUNT(*) FROM step_run WHERE status = ?")
                            .param(status.wireName()).query(Long.class).single())
                    .tag("status", status.wireName())
                    .description("step runs by status")
                    .register(registry);
        }
        Gauge.builder("gsv.tasks", () -> jdbc.sql("SELECT COUNT(*) FROM task").query(Long.class).single())
                .description("tasks in the database").register(registry);
    }
}
