package gsvtrainer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper of run processes: pid and exit code files, its own session, and a run folder handed over later. */
class ProcessLauncherTest {

    @TempDir
    Path dir;

    private final ProcessLauncher launcher = new ProcessLauncher();

    @Test
    void recordsPidAndExitCodeOfASessionLeader() throws Exception {
        Path runDir = dir.resolve("run");
        LaunchedProcess process = launcher.launch(List.of("sh", "-c", "echo hello; exit 3"), runDir,
                dir.resolve("run.log"), dir, Map.of());

        assertThat(process.handle().orElseThrow().waitFor()).isEqualTo(3);
        assertThat(ProcessLauncher.exitCode(runDir)).contains(3);
        assertThat(ProcessLauncher.pid(runDir)).contains(process.pid());
        assertThat(Files.readString(dir.resolve("run.log"))).isEqualTo("hello\n");
    }

    @Test
    void writesTheExitCodeIntoTheRunFolderItWasPointedAt() throws Exception {
        Path standby = dir.resolve("standby");
        Path runDir = Files.createDirectories(dir.resolve("run"));
        String handOver = "printf '%s\\n' '" + runDir + "' > \"$GSV_RUN_DIR/" + ProcessLauncher.RUN_DIR_FILE + "\"; exit 7";
        LaunchedProcess process = launcher.launch(List.of("sh", "-c", handOver), standby, dir.resolve("out.log"), dir,
                Map.of());

        assertThat(process.handle().orElseThrow().waitFor()).isEqualTo(7);
        assertThat(ProcessLauncher.exitCode(runDir)).contains(7);
        assertThat(ProcessLauncher.exitCode(standby)).isEmpty();
    }

    @Test
    void theProcessLeadsItsOwnSession() throws Exception {
        Path runDir = dir.resolve("run");
        LaunchedProcess process = launcher.launch(List.of("sleep", "5"), runDir, dir.resolve("run.log"), dir, Map.of());
        try {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (ProcessGroups.stat(process.pid()).orElseThrow().session() != process.pid()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ProcessGroups.stat(process.pid()).orElseThrow().session()).isEqualTo(process.pid());
        } finally {
            ProcessGroups.killSession(process.pid(), java.time.Duration.ZERO);
        }
        assertThat(ProcessGroups.members(process.pid())).isEmpty();
    }
}
