package gsvtrainer.steprun.exec;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.process.ThreadPriority;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The main class of run processes, kept apart from the CLI so that a run process loads no command
 * line framework and no Spring: {@code step-exec RUN_DIR} runs a run at once, {@code standby DIR
 * SERVICE_PID SERVICE_STARTED_MS [RUN_NICE]} warms up and waits for a run while that service lives
 * ({@link Standby}; it runs the run at {@code RUN_NICE} where given), {@code warm-up} only warms up (to make the class archive of run processes).
 */
public final class StepExecMain {

    private static final long PREPARE_WAIT_MS = 60_000;

    private StepExecMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String mode = args.length == 0 ? "" : args[0];
        if ((mode.equals("step-exec") || mode.equals("standby")) && ThreadPriority.inSessionOfItsParent()) {
            // started under nice by the service's wrapper, which leads a session made for this process:
            // that session gets the same share of the CPU (never the session of whoever started it by hand,
            // nor the service's, where the warm-up runs)
            ThreadPriority.ofCurrentThread().ifPresent(ThreadPriority::setSessionGroup);
        }
        StepProcess process = new StepProcess(StepRegistry::fromClassPath, new Pipeline(), System.out);
        try {
            if (mode.equals("step-exec") && args.length == 2) {
                return process.run(Path.of(args[1]));
            }
            if (mode.equals("standby") && (args.length == 4 || args.length == 5)) {
                var service = Standby.service(Long.parseLong(args[2]), Long.parseLong(args[3]));
                OptionalInt runNice = args.length == 5 ? OptionalInt.of(Integer.parseInt(args[4])) : OptionalInt.empty();
                return new Standby(Path.of(args[1]), process, service, runNice).run();
            }
            if (mode.equals("warm-up") && args.length == 1) {
                Optional<Thread> preparing = process.warmUp(() -> false);
                if (preparing.isPresent()) {
                    preparing.get().join(PREPARE_WAIT_MS); // a hung native load leaves those classes out, nothing else
                }
                return StepProcess.EXIT_OK;
            }
        } catch (Exception e) {
            e.printStackTrace(System.out);
            return StepProcess.EXIT_FAILED;
        }
        System.err.println("usage: StepExecMain step-exec RUN_DIR | standby DIR SERVICE_PID SERVICE_STARTED_MS [RUN_NICE] | warm-up");
        return StepProcess.EXIT_BAD_SPEC;
    }
}
