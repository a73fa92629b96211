package gsvtrainer.steprun.exec;

import java.nio.file.Path;

/**
 * The run a standby run process is given: the run's folder and its log file. The executor writes it
 * atomically as {@value #FILE_NAME} in the standby's folder, one absolute path a line.
 */
public record StandbyAssignment(Path runDir, Path log) {

    public static final String FILE_NAME = "assign";
    /**
     * The file naming the step the standby's run will likely be: written before it starts, and again
     * (replaced at once) whenever the executor comes to expect another.
     */
    public static final String EXPECTED_STEP_FILE = "expect";
    /**
     * Present in the standby's folder when it starts: after a run that succeeded, it may hand the run
     * back instead of exiting and wait for another, keeping what its JIT compiled.
     */
    public static final String REUSE_FILE = "reuse";

    public static StandbyAssignment parse(String text) {
        String[] lines = text.strip().split("\n");
        if (lines.length != 2) {
            throw new IllegalArgumentException("an assignment is two lines, the run's folder and its log: " + text);
        }
        return new StandbyAssignment(Path.of(lines[0].strip()), Path.of(lines[1].strip()));
    }

    public String format() {
        return runDir.toAbsolutePath() + "\n" + log.toAbsolutePath() + "\n";
    }
}
