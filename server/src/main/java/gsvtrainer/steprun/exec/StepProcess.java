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
import gsvtrainer.steprun.channel.RunChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The body of a run process: reads the run's spec, finds the step's implementation, runs it and
 * reports through the run channel. Its exit code is the run's outcome (0 succeeded, else failed).
 * The implementation is the class the spec names, loaded alone; {@code registry} (every
 * implementation, found by name) is asked only when the spec names none or another step's.
 */
public final class StepProcess {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_SPEC = 2;

    private final Supplier<StepRegistry> registry;
    private final Pipeline pipeline;
    private final PrintStream out;
    private final ParamsCodec codec = new ParamsCodec();
    private StepRegistry all;
    private final Rehearsals rehearsals = new Rehearsals();

    public StepProcess(Supplier<StepRegistry> registry, Pipeline pipeline, PrintStream out) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.out = out;
    }

    /**
     * Loads and exercises, once and without writing anything, what every run goes through: the spec's
     * JSON, the run channel, every step's implementation and default params. Stops early once
     * {@code enough} says so (a run arrived). Otherwise it then {@linkplain StepAction#prepare()
     * prepares} every step on a background thread, which it returns, so that the run that arrives
     * later finds, say, FFmpeg's libraries already loaded; a run that arrives meanwhile starts at once
     * beside it. A process started ahead of its run does this while it waits; the class archive of run
     * processes is made from it, after waiting for that thread.
     */
    public Optional<Thread> warmUp(BooleanSupplier enough) {
        return warmUp(enough, Optional.empty(), null);
    }

    /**
     * Warms up as {@link #warmUp(BooleanSupplier)} does; then, on the same background thread, where
     * {@code rehearse} names a step, {@linkplain StepAction#rehearse(Path) rehearses} it in
     * {@code scratch}, which is removed after, until done or {@linkplain #stopRehearsing() stopped}.
     * That thread then waits for steps {@linkplain #expect(String) expected} later, and rehearses
     * each, until stopped.
     */
    public Optional<Thread> warmUp(BooleanSupplier enough, Optional<String> rehearse, Path scratch) {
        RunSpec sample = new RunSpec("r", "t", Pipeline.CONVERT_AUDIO, Map.of("n", 1), false, Map.of("version", "v2"),
                List.of("0"), 1, "/", Map.of("k", "v"), StepProcess.class.getName());
        Json.read(Json.write(sample), RunSpec.class);
        LineReporter quiet = new LineReporter(new PrintStream(OutputStream.nullOutputStream()), Path.of("/"));
        quiet.log("info", "warm-up");
        quiet.progress(0.5, Map.of("done", 1));
        quiet.timing(0, 0);
        RunChannel.decode(RunChannel.PREFIX + Json.write(Map.of("type", "log", "message", "warm-up")));
        List<StepAction<?>> actions = new ArrayList<>();
        for (StepDefinition definition : pipeline.all()) {
            if (enough.getAsBoolean()) {
                return Optional.empty();
            }
            registry().find(definition.name()).ifPresent(actions::add);
            try {
                codec.encode(codec.decode(definition, Map.of()));
            } catch (InvalidParamsException e) {
                // a step whose params have no defaults: its record type is loaded all the same
            }
        }
        rehearse.ifPresent(this::expect);
        Thread preparing = new Thread(() -> {
            actions.forEach(StepProcess::prepare);
            if (scratch != null) {
                rehearsals.run(actions, scratch);
            }
        }, "prepare-steps");
        preparing.setDaemon(true);
        preparing.start();
        return Optional.of(preparing);
    }

    /** Rehearses {@code step} next, instead of the rest of a rehearsal of another step under way ({@link Rehearsals}). */
    public void expect(String step) {
        rehearsals.expect(step);
    }

    /** Ends a rehearsal under way, and any to come; a preparation under way goes on. */
    public void stopRehearsing() {
        rehearsals.stop();
    }

    private static void prepare(StepAction<?> action) {
        try {
            action.prepare();
        } catch (RuntimeException | LinkageError e) {
            // the run of this step, if one comes, fails on the same cause and reports it
        }
    }

    public int run(Path runDir) {
        long began = System.currentTimeMillis();
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
            return execute(spec, runDir, reporter, began);
        } finally {
            heartbeat.shutdownNow();
        }
    }

    private int execute(RunSpec spec, Path runDir, LineReporter reporter, long began) {
        StepDefinition definition = pipeline.find(spec.step()).orElse(null);
        StepAction<?> action = implementation(spec).orElse(null);
        if (definition == null || action == null) {
            reporter.error("step_unavailable", "step " + spec.step() + " has no implementation in this build");
            return EXIT_FAILED;
        }
        try {
            Record params = codec.decode(definition, spec.params());
            reporter.log("info", "starting " + spec.step() + " with " + Json.write(spec.params()));
            long started = System.nanoTime();
            invoke(action, new RunContext(spec, runDir, reporter), params);
            reporter.timing(began, (System.nanoTime() - started) / 1_000_000);
            return EXIT_OK;
        } catch (StepFailure failure) {
            reporter.error(failure.code(), withinWorkspace(spec, failure.getMessage()));
            return EXIT_FAILED;
        } catch (InvalidParamsException e) {
            reporter.error(e.code(), withinWorkspace(spec, e.getMessage()));
            return EXIT_FAILED;
        } catch (Exception | Error e) {
            e.printStackTrace(out);
            reporter.error("step_error", withinWorkspace(spec, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return EXIT_FAILED;
        }
    }

    /**
     * The message with the task workspace's absolute path made relative to it: run errors reach API
     * clients, who know a task's files by their workspace paths only. (Paths of the upstream checkout
     * stay: a preflight failure must name what the operator is to install.)
     */
    static String withinWorkspace(RunSpec spec, String message) {
        if (message == null || spec.workspace() == null || spec.workspace().isBlank()) {
            return message;
        }
        String root = spec.workspace().endsWith("/") ? spec.workspace() : spec.workspace() + "/";
        return message.replace(root, "").replace(root.substring(0, root.length() - 1), ".");
    }

    private Optional<StepAction<?>> implementation(RunSpec spec) {
        Optional<StepAction<?>> named = spec.implementation() == null ? Optional.empty()
                : StepRegistry.load(spec.implementation(), spec.step());
        return named.or(() -> registry().find(spec.step()));
    }

    private StepRegistry registry() {
        if (all == null) {
            all = registry.get();
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> void invoke(StepAction<P> action, RunContext context, Record params)
            throws Exception {
        action.run(context, (P) params);
    }
}
