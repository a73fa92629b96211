package gsvtrainer.cli;

import gsvtrainer.client.ArtifactInfo;
import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.GsvTrainerException;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import gsvtrainer.client.UploadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gsv-trainer train AUDIO... --name X}: the whole job in one command — create a task, upload the
 * recordings, run the pipeline with live progress, download the trained weights.
 */
@Command(name = "train", description = "Create a task, upload AUDIO files, run the pipeline with live progress and download the weights.")
public class TrainCommand extends ClientCommand {

    static final List<String> RESULT_KINDS = List.of("sovits_weight", "gpt_weight", "inference_audio");

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "Recordings of the speaker (wav, mp3, flac, ...)")
    List<Path> audio;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--name", required = true, description = "Task and experiment name")
    String name;

    @Option(names = "--language", defaultValue = "zh", description = "Language of the recordings (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--version", defaultValue = "v2ProPlus", description = "GPT-SoVITS model version (default: ${DEFAULT-VALUE})")
    String version;

    @Option(names = "--stop-after", paramLabel = "STEP", description = "Stop after this step, e.g. asr_transcribe to review transcripts")
    String stopAfter;

    @Option(names = "--skip", paramLabel = "STEP", description = "Skip a skippable step, e.g. denoise_audio (repeatable)")
    List<String> skip = new ArrayList<>();

    @Option(names = {"-c", "--config"}, paramLabel = "KEY=VALUE", description = "More task config, e.g. -c epochs_s2=20")
    List<String> config = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "STEP.KEY=VALUE", description = "Step parameter (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where to save the weights (default: gsv-output/NAME)")
    Path out;

    @Option(names = "--all-weights", description = "Download every saved weight, not only the newest SoVITS and GPT weights")
    boolean allWeights;

    @Override
    int run(GsvTrainerClient client) throws InterruptedException {
        Uploads.checkReadable(audio);
        TaskInfo task = client.createTask(name, TaskCreateCommand.config(name, language, version, config));
        String taskId = task.taskId();
        err().println("task " + taskId + " created");
        List<UploadResult> uploads = Uploads.upload(client, taskId, audio);
        client.runPipeline(taskId, TaskPipelineCommand.request(null, null, stopAfter, skip, params, false));
        err().println("pipeline queued; follow it elsewhere with: gsv-trainer task events " + taskId + " --follow");
        TaskInfo end = watch(client, taskId);
        if (end.status() != TaskStatus.COMPLETED) {
            reportFailure(client, end);
            return ExitCodes.TASK_FAILED;
        }
        List<ArtifactInfo> artifacts = client.listArtifacts(taskId);
        List<ArtifactInfo> results = allWeights ? ArtifactDownloads.latestOfKinds(artifacts, RESULT_KINDS)
                : ArtifactDownloads.newestPerKind(artifacts, RESULT_KINDS);
        List<Path> files = ArtifactDownloads.download(client, results, directory());
        printSummary(end, uploads, results, files);
        return ExitCodes.OK;
    }

    private TaskInfo watch(GsvTrainerClient client, String taskId) throws InterruptedException {
        Thread hint = new Thread(() -> System.err.printf("%nstopped watching; task %s goes on on the server "
                + "(gsv-trainer task status %s, task cancel %s)%n", taskId, taskId, taskId));
        Runtime.getRuntime().addShutdownHook(hint);
        try (PipelineDisplay display = new PipelineDisplay()) {
            return new PipelineWatcher(client).watch(taskId, display);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }
    }

    private void reportFailure(GsvTrainerClient client, TaskInfo task) {
        err().println("task " + task.taskId() + " " + TaskPrinter.status(task)
                + (task.errorText() == null ? "" : ": " + task.errorText()));
        if (task.error() != null && task.error().runId() != null) {
            try {
                String tail = client.runLog(task.taskId(), task.error().runId(), 20);
                if (!tail.isBlank()) {
                    err().println("--- last lines of the log of " + task.error().step() + " (" + task.error().runId() + ") ---");
                    err().print(tail.endsWith("\n") ? tail : tail + "\n");
                }
            } catch (GsvTrainerException e) {
                err().println("(log not available: " + describe(e) + ")");
            }
        }
        err().println("resume after fixing the cause with: gsv-trainer task resume " + task.taskId());
        err().flush();
    }

    private void printSummary(TaskInfo task, List<UploadResult> uploads, List<ArtifactInfo> results, List<Path> files) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task);
        summary.put("uploads", uploads);
        Map<String, String> saved = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            saved.put(results.get(i).name(), files.get(i).toString());
        }
        summary.put("files", saved);
        out().print(summary, () -> {
            out().line("task " + task.taskId() + " completed");
            if (Boolean.TRUE.equals(task.awaitingReview())) {
                out().line("stopped for transcript review; continue with: gsv-trainer task approve " + task.taskId());
            }
            if (results.isEmpty()) {
                out().line("no weights or inference audio to download yet");
            } else {
                out().table(ArtifactDownloads.table(results, files));
            }
        });
    }

    private Path directory() {
        Path directory = out != null ? out : Path.of("gsv-output", name.replaceAll("[^\\w.-]", "_"));
        try {
            return java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create " + directory + ": " + e.getMessage());
        }
    }
}
