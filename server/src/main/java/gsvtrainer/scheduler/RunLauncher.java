package gsvtrainer.scheduler;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.config.Json;
import gsvtrainer.files.Workspaces;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRun.RunResources;
import gsvtrainer.steprun.exec.RunSpec;
import gsvtrainer.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts a step run on this machine: writes its spec, then starts {@code gsv-trainer step-exec} as a
 * session leader with its output going to the run's log file. Knows nothing of what steps do.
 */
@Component
public class RunLauncher {

    public static final String LOG_FILE = "run.log";

    private final GsvSettings settings;
    private final Workspaces workspaces;
    private final ProcessLauncher launcher = new ProcessLauncher();
    private final boolean realGpus;
    private final JavaCommand javaCommand;

    public RunLauncher(GsvSettings settings, Workspaces workspaces) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.realGpus = GpuDiscovery.isReal(settings.gpus());
        this.javaCommand = new JavaCommand(settings.dataDir().resolve("app"));
    }

    public LaunchedProcess launch(Task task, StepRun run, RunResources resources, int cpuThreads) throws IOException {
        TaskWorkspace workspace = workspaces.of(task.id());
        Path runDir = workspace.run(run.id());
        Files.createDirectories(runDir);
        RunSpec spec = new RunSpec(run.id(), task.id(), run.step(), run.params(), run.force(), task.config(),
                resources.gpus(), cpuThreads, workspace.root().toString(), stepSettings());
        Path specFile = runDir.resolve(RunSpec.FILE_NAME);
        Path tmp = runDir.resolve(RunSpec.FILE_NAME + ".tmp");
        Files.writeString(tmp, Json.write(spec));
        Files.move(tmp, specFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        List<String> command = new java.util.ArrayList<>();
        if (settings.stepNice() > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(settings.stepNice())));
        }
        command.addAll(javaCommand.stepExec(settings.stepJvmOptions(), runDir));
        return launcher.launch(command, runDir,
                runDir.resolve(LOG_FILE), workspace.root(), Map.of());
    }

    /** The log path of a run, relative to its workspace, as stored on the run. */
    public static String logPath(StepRun run) {
        return "runs/" + run.id() + "/" + LOG_FILE;
    }

    private Map<String, String> stepSettings() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("upstream_dir", settings.upstreamDir() == null ? "" : settings.upstreamDir().toString());
        values.put("upstream_python", settings.upstreamPython());
        values.put("pretrained_dir", settings.pretrainedDir() == null ? "" : settings.pretrainedDir().toString());
        values.put("real_gpus", Boolean.toString(realGpus));
        return values;
    }
}
