package gsvtrainer.cli;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.steprun.exec.StepProcess;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Internal: runs one step run by hand. The executor starts run processes with the lighter
 * {@link gsvtrainer.steprun.exec.StepExecMain} instead.
 */
@Command(name = "step-exec", hidden = true, description = "Run one step run from its folder (used by the executor).")
public class StepExecCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The run's folder, holding spec.json")
    Path runDir;

    @Override
    public Integer call() {
        return new StepProcess(StepRegistry::fromClassPath, new Pipeline(), System.out).run(runDir);
    }
}
