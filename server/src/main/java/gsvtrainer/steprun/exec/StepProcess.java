package gsvtrainer.steprun.exec;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.ParamsCodec;
import gsvtrainer.pipeline.ParamsCodec.InvalidParamsException;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The body of a run process: reads the run's spec, finds the step's implementation, runs it and
 * reports through the run channel. Its exit code is the run's outcome (0 succeeded, else failed).
 */
public final class StepProcess {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_SPEC = 2;

    private final StepRegistry registry;
    private final Pipeline pipeline;
    private final PrintStream out;

    public StepProcess(StepRegistry registry, Pipeline pipeline, PrintStream out) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.out = out;
    }

    public int run(Path runDir) {
        RunSpec spec;
        try {
            spec = Json.read(Files.readString(runDir.resolve(RunSpec.FILE_NAME)), RunSpec.class);
        } catch (Exception e) {
            out.println("cannot read the run spec in " + runDir + ": " + e);
            return EXIT_BAD_SPEC;
        }
        Path workspace = new TaskWorkspace(Path.of(spec.workspace())).root();
        LineReporter reporter = new LineReporter(out, workspace);
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(reporter::heartbeat, 5, 5, TimeUnit.SECONDS);
        try {
            return execute(spec, runDir, reporter);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    private int execute(RunSpec spec, Path runDir, LineReporter reporter) {
        StepDefinition definition = pipeline.find(spec.step()).orElse(null);
        StepAction<?> action = registry.find(spec.step()).orElse(null);
        if (definition == null || action == null) {
            reporter.error("step_unavailable", "step " + spec.step() + " has no implementation in this build");
            return EXIT_FAILED;
        }
        try {
            Record params = new ParamsCodec().decode(definition, spec.params());
            reporter.log("info", "starting " + spec.step() + " with " + Json.write(spec.params()));
            long started = System.nanoTime();
            invoke(action, new RunContext(spec, runDir, reporter), params);
            reporter.timing((System.nanoTime() - started) / 1_000_000);
            return EXIT_OK;
        } catch (StepFailure failure) {
            reporter.error(failure.code(), failure.getMessage());
            return EXIT_FAILED;
        } catch (InvalidParamsException e) {
            reporter.error(e.code(), e.getMessage());
            return EXIT_FAILED;
        } catch (Exception | Error e) {
            e.printStackTrace(out);
            reporter.error("step_error", e.getClass().getSimpleName() + ": " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void invoke(StepAction<P> action, RunContext context, Record params)
            throws Exception {
        action.run(context, (P) params);
    }
}
