package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** stop never signals a process that is not a gsv-trainer server, and a garbled pid file is no crash. */
class StopCommandTest {

    @TempDir
    Path data;

    @Test
    void aStalePidFileNamingAnotherProcessStopsNothing() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve(ServeCommand.PID_FILE), Long.toString(other.pid()));

            int code = new CommandLine(new StopCommand()).execute("--data-dir", data.toString(), "--kill", "--timeout", "2s");

            assertThat(code).isEqualTo(1);
            assertThat(other.waitFor(500, TimeUnit.MILLISECONDS)).as("the unrelated process lives").isFalse();
            assertThat(data.resolve(ServeCommand.PID_FILE)).exists();

            assertThat(new CommandLine(new StopCommand()).execute("--data-dir", data.toString(), "--cleanup")).isEqualTo(1);
            assertThat(other.isAlive()).isTrue();
            assertThat(data.resolve(ServeCommand.PID_FILE)).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aGarbledPidFileMeansNoServer() throws Exception {
        Files.writeString(data.resolve(ServeCommand.PID_FILE), "\n");

        int code = new CommandLine(new StopCommand()).execute("--data-dir", data.toString());

        assertThat(code).isZero();
        assertThat(data.resolve(ServeCommand.PID_FILE)).doesNotExist();
    }
}
