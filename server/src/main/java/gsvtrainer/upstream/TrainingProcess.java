package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs an upstream trainer to its end, feeding its output to a parser, and fails on a non-zero exit. */
final class TrainingProcess {

    private TrainingProcess() {
    }

    static void run(StepContext context, UpstreamCheckout checkout, String script, List<String> args,
                    Map<String, String> env, Consumer<String> parser) throws IOException, InterruptedException, StepFailure {
        WorkingDir cwd = WorkingDir.create(checkout, context.runDir());
        UpstreamProcess process = UpstreamProcess.start(checkout, cwd, script, args, env,
                context.runDir().resolve("upstream.log"));
        int exit = process.waitFor(parser);
        if (exit != 0) {
            throw new StepFailure("upstream_failed", script + " exited with code " + exit + " (log "
                    + context.workspace().root().relativize(process.log()) + "): " + process.tail(5));
        }
    }
}
