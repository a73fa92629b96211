package gsvtrainer.client.example;

import gsvtrainer.client.ArtifactInfo;
import gsvtrainer.client.EventSubscription;
import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.PipelineRequest;
import gsvtrainer.client.PipelineResponse;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import gsvtrainer.client.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole flow with the Java client: create a task, upload recordings, run the pipeline, follow its
 * events, download the trained weights. Not run by the tests; start it against a live server:
 * <pre>
 * java -cp ... gsvtrainer.client.example.FullFlowExample http://127.0.0.1:8000 my_voice out/ a.wav b.wav
 * </pre>
 * The API key, if the server needs one, comes from {@code GSV_API_KEY}.
 */
public final class FullFlowExample {

    private static final Set<String> WEIGHT_KINDS = Set.of("sovits_weight", "gpt_weight");

    private FullFlowExample() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FullFlowExample SERVER_URL NAME OUT_DIR AUDIO...");
            System.exit(2);
        }
        GsvTrainerClient client = GsvTrainerClient.builder(args[0])
                .apiKey(System.getenv("GSV_API_KEY"))
                .build();
        String name = args[1];
        Path outDir = Files.createDirectories(Path.of(args[2]));

        TaskInfo task = client.createTask(name, Map.of("exp_name", name, "language", "en", "version", "v2ProPlus"));
        System.out.println("created " + task.taskId());

        for (int i = 3; i < args.length; i++) {
            UploadResult upload = client.uploadFile(task.taskId(), Path.of(args[i]));
            System.out.printf(Locale.ROOT, "uploaded %s as %s (%.1f s)%n", upload.originalFilename(), upload.filename(),
                    upload.durationSeconds() == null ? 0.0 : upload.durationSeconds());
        }

        PipelineResponse pipeline = client.runPipeline(task.taskId(), PipelineRequest.builder()
                .param("slice_audio", "threshold", -34)
                .build());
        System.out.println("queued " + pipeline.steps());

        try (EventSubscription events = client.streamEvents(task.taskId(), 0, event -> {
            Object step = event.data().get("step");
            switch (event.type()) {
                case "status" -> System.out.println(step + " -> " + event.data().get("status"));
                case "progress" -> System.out.printf(Locale.ROOT, "%s %.0f%%%n", step,
                        100 * ((Number) event.data().getOrDefault("progress", 0)).doubleValue());
                default -> { }
            }
        })) {
            events.await(Duration.ofHours(12));
        }

        TaskInfo done = client.waitForTerminal(task.taskId(), Duration.ofMinutes(5));
        if (done.status() != TaskStatus.COMPLETED) {
            System.err.println("task " + done.status().wireName() + ": " + done.errorText());
            System.exit(1);
        }
        for (ArtifactInfo artifact : client.listArtifacts(task.taskId())) {
            if (WEIGHT_KINDS.contains(artifact.kind())) {
                Path file = client.downloadArtifact(artifact, outDir, (bytes, total) -> { });
                System.out.println("saved " + file);
            }
        }
    }
}
