package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.StepRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's pid that another process holds now (after a reboot) is never signalled. */
class WatchedRunTest {

    private static WatchedRun watched(long pid, long startedAtMillis) {
        return new WatchedRun("r_1", pid, startedAtMillis, Optional.empty(), Path.of("/nonexistent"),
                new LogTailer(Path.of("/nonexistent/run.log"), 0), new StepRun.RunResources(List.of(), 1));
    }

    @Test
    void onlyTheRunsOwnProcessOrAGoneOneMayHaveItsSessionKilled() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            long started = ProcessGroups.startTimeMillis(other.pid()).orElseThrow();

            assertThat(watched(other.pid(), started).mayKillSession()).as("the run's own process").isTrue();
            assertThat(watched(other.pid(), started - 3_600_000).mayKillSession())
                    .as("the pid, reused by a process started an hour after the run's").isFalse();
            assertThat(watched(other.pid(), started - 3_600_000).isAlive()).isFalse();
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertThat(watched(other.pid(), 1).mayKillSession()).as("gone: what is left of its session may be killed").isTrue();
        assertThat(watched(0, 0).mayKillSession()).isFalse();
    }
}
