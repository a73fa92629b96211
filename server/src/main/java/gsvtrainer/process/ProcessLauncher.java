package gsvtrainer.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a command as the leader of a new session (so the whole tree can be killed at once), with
 * output appended to a log file and its exit code written to a file by a small shell wrapper, so the
 * code is known even when the service was down when the process ended.
 */
public final class ProcessLauncher {

    public static final String EXIT_CODE_FILE = "exit_code";

    public static final String PID_FILE = "pid";

    /**
     * Written by a process started ahead of its run (a standby) when it takes a run: the run's folder,
     * where the wrapper then records the exit code instead of its own folder.
     */
    public static final String RUN_DIR_FILE = "run_dir";

    /**
     * Written in a run's folder, before its exit code, by a process that ends its run without exiting
     * and goes on to serve another: its session is no longer the run's, so nothing may kill it for the run.
     */
    public static final String HANDED_BACK_FILE = "handed_back";

    private static final String WRAPPER = "printf '%s' \"$$\" > \"$GSV_RUN_DIR/" + PID_FILE + "\"; \"$@\"; rc=$?; "
            + "d=$GSV_RUN_DIR; if [ -f \"$d/" + RUN_DIR_FILE + "\" ]; then read -r d < \"$d/" + RUN_DIR_FILE + "\"; fi; "
            + "printf '%s' \"$rc\" > \"$d/exit_code.tmp\" && mv \"$d/exit_code.tmp\" \"$d/" + EXIT_CODE_FILE + "\"; exit $rc";

    /**
     * @param runDir  the run's folder; receives the exit code file
     * @param log     the file that receives stdout and stderr
     * @param workDir the process's working directory
     */
    public LaunchedProcess launch(List<String> command, Path runDir, Path log, Path workDir, Map<String, String> env)
            throws IOException {
        Files.createDirectories(runDir);
        Files.deleteIfExists(runDir.resolve(EXIT_CODE_FILE));
        Files.deleteIfExists(runDir.resolve(PID_FILE));
        Files.deleteIfExists(runDir.resolve(HANDED_BACK_FILE));
        List<String> full = new ArrayList<>(List.of("setsid", "sh", "-c", WRAPPER, "gsv-run"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("GSV_RUN_DIR", runDir.toAbsolutePath().toString());
        Process process = builder.start();
        long started = ProcessGroups.startTimeMillis(process.pid()).orElse(0L);
        return new LaunchedProcess(process.pid(), started, Optional.of(process));
    }

    /** The pid the wrapper wrote when it started (for a run whose pid never reached the database). */
    public static Optional<Long> pid(Path runDir) {
        try {
            Path file = runDir.resolve(PID_FILE);
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the run's process ended the run and went on without it ({@link #HANDED_BACK_FILE}). */
    public static boolean handedBack(Path runDir) {
        return Files.exists(runDir.resolve(HANDED_BACK_FILE)) && Files.exists(runDir.resolve(EXIT_CODE_FILE));
    }

    /** The exit code the wrapper wrote, if the process ended on its own (or the process, handing its run back). */
    public static Optional<Integer> exitCode(Path runDir) {
        Path file = runDir.resolve(EXIT_CODE_FILE);
        try {
            return Files.exists(file) ? Optional.of(Integer.parseInt(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
