package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.files.AtomicFiles;
import gsvtrainer.process.ProcessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCodeWatchTest {

    @TempDir
    Path dir;

    @Test
    void callsBackWhenAFollowedRunsExitCodeIsWrittenAndNotForOtherFilesOrForgottenRuns() throws Exception {
        Semaphore calls = new Semaphore(0);
        ExitCodeWatch watch = new ExitCodeWatch(calls::release);
        Path followed = Files.createDirectories(dir.resolve("r_1"));
        Path forgotten = Files.createDirectories(dir.resolve("r_2"));
        watch.watch(followed);
        watch.watch(forgotten);
        watch.forget(forgotten);

        Files.writeString(followed.resolve("run.log"), "a line\n");
        AtomicFiles.writeString(forgotten.resolve(ProcessLauncher.EXIT_CODE_FILE), "0");
        assertThat(calls.tryAcquire(500, TimeUnit.MILLISECONDS)).as("no exit code of a followed run yet").isFalse();

        AtomicFiles.writeString(followed.resolve(ProcessLauncher.EXIT_CODE_FILE), "0");
        assertThat(calls.tryAcquire(10, TimeUnit.SECONDS)).as("called back for the followed run's exit code").isTrue();
    }
}
