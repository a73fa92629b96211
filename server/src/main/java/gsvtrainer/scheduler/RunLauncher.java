package gsvtrainer.scheduler;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.config.Json;
import gsvtrainer.files.AtomicFiles;
import gsvtrainer.files.Workspaces;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.process.ThreadPriority;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRun.RunResources;
import gsvtrainer.steprun.exec.RunSpec;
import gsvtrainer.task.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a step run on this machine: writes its spec, then hands it to the standby run process or
 * starts one ({@code StepExecMain step-exec}) as a session leader with its output going to the run's
 * log file. Knows nothing of what steps do.
 */
@Component
public class RunLauncher {

    public static final String LOG_FILE = "run.log";

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final GsvSettings settings;
    private final Workspaces workspaces;
    private final StepRegistry registry;
    private final ProcessLauncher launcher = new ProcessLauncher();
    private final boolean realGpus;
    private final JavaCommand java;
    private final StandbyPool standbys;
    private final Pipeline pipeline;

    public RunLauncher(GsvSettings settings, Workspaces workspaces, StepRegistry registry, Pipeline pipeline) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.workspaces = workspaces;
        this.registry = registry;
        this.realGpus = GpuDiscovery.isReal(settings.gpus());
        RunClassPath classPath = RunClassPath.of(System.getProperty("java.class.path"), settings.dataDir().resolve("app"));
        this.java = new JavaCommand(settings.stepNice(), ThreadPriority.canRaise(), settings.stepJvmOptions(), classPath,
                StepArchive.of(classPath, settings.stepJvmOptions()));
        this.standbys = new StandbyPool(settings.dataDir().resolve("standby"), java, launcher, settings.stepStandby(),
                settings.stepReuse());
    }

    public LaunchedProcess launch(Task task, StepRun run, RunResources resources, int cpuThreads) throws IOException {
        TaskWorkspace workspace = workspaces.of(task.id());
        Path runDir = workspace.run(run.id());
        Files.createDirectories(runDir);
        String implementation = registry.find(run.step()).map(a -> a.getClass().getName()).orElse(null);
        RunSpec spec = new RunSpec(run.id(), task.id(), run.step(), run.params(), run.force(), task.config(),
                resources.gpus(), cpuThreads, workspace.root().toString(), stepSettings(), implementation);
        AtomicFiles.writeString(runDir.resolve(RunSpec.FILE_NAME), Json.write(spec));
        Path logFile = runDir.resolve(LOG_FILE);
        LaunchedProcess process = standbys.take(runDir, logFile).orElse(null);
        if (process == null) {
            process = launcher.launch(java.stepExec(runDir), runDir, logFile, workspace.root(), Map.of());
        }
        standbys.refill(pipeline.likelyAfter(run.step()));
        return process;
    }

    /** The log path of a run, relative to its workspace, as stored on the run. */
    public static String logPath(StepRun run) {
        return "runs/" + run.id() + "/" + LOG_FILE;
    }

    /** Makes the class archive of run processes in the background when it is missing. */
    void prepare() {
        StepArchive archive = java.archive();
        if (!archive.isMissing()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                if (archive.make(java::warmUp)) {
                    log.info("run processes start with the class archive {}", archive.file().orElseThrow());
                } else {
                    log.warn("could not make the class archive of run processes; see {}.log", archive.file().orElseThrow());
                }
            } catch (IOException e) {
                log.warn("could not make the class archive of run processes: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "step-archive");
        thread.setDaemon(true);
        thread.start();
    }

    /** Gets the standby run process ready for a run of {@code step}, starting one if none waits. */
    void expect(String step) {
        standbys.expect(step);
    }

    /**
     * Learns that {@code run}, whose process was {@code pid}, ended: a process that handed the run back
     * waits for the next; otherwise a standby is readied where none waits.
     */
    void ended(StepRun run, long pid, boolean handedBack) {
        if (handedBack) {
            standbys.handedBack(pid);
        } else {
            standbys.ended(pid);
            standbys.refill(pipeline.likelyAfter(run.step()));
        }
    }

    /** Ends the standby run process, if one waits. */
    void stop() {
        standbys.stop();
    }

    /** Clears standby run processes left from an earlier start of the service. */
    void sweep() {
        standbys.sweep();
    }

    private Map<String, String> stepSettings() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("upstream_dir", settings.upstreamDir() == null ? "" : settings.upstreamDir().toString());
        values.put("upstream_python", settings.upstreamPython());
        values.put("pretrained_dir", settings.pretrainedDir() == null ? "" : settings.pretrainedDir().toString());
        values.put("real_gpus", Boolean.toString(realGpus));
        values.put("asr_backend", settings.asrBackend());
        values.put("whisper_model", settings.whisperModel() == null ? "" : settings.whisperModel().toString());
        values.put("faster_whisper_model", settings.fasterWhisperModel() == null ? "" : settings.fasterWhisperModel().toString());
        return values;
    }
}
