package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.ServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Transcript review over HTTP on a real pipeline: uploaded fixtures go through the real convert,
 * slice and pocketsphinx ASR steps, the pipeline pauses after ASR, the review edits and deletes
 * clips, and approval lets the steps after ASR run (whether they succeed depends on the upstream
 * checkout, which this test does not need).
 */
class TranscriptReviewTest extends ServerTest {

    private static final Map<String, String> SENTENCES = AudioFixtures.sentences("en");

    @Test
    void reviewEditsAndDeletesClipsAndApprovalContinuesThePipeline() throws Exception {
        String task = createTask("review-asr", Map.of());
        for (String name : SENTENCES.keySet()) {
            var upload = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), name + ".wav",
                    Files.readAllBytes(AudioFixtures.file(name + ".wav"))));
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        }
        assertThat(problemCode(get("/api/v1/task/" + task + "/transcript"))).isEqualTo("transcript_missing");

        var pipeline = post("/api/v1/task/" + task + "/pipeline", Json.write(Map.of("stop_after", "asr_transcribe",
                "skip", List.of("denoise_audio"), "params", Map.of("asr_transcribe", Map.of("backend", "pocketsphinx",
                        "language", "en", "grammar", List.copyOf(SENTENCES.values()))))));
        assertThat(pipeline.statusCode()).as(pipeline.body()).isEqualTo(200);
        Map<String, Object> paused = awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(paused.get("awaiting_review")).as(paused.toString()).isEqualTo(true);

        Map<String, Object> first = json(get("/api/v1/task/" + task + "/transcript?page=0&size=3"));
        assertThat(first.get("total")).isEqualTo(4);
        List<Map<String, Object>> clips = clips(first);
        assertThat(clips).hasSize(3);
        assertThat(clips(json(get("/api/v1/task/" + task + "/transcript?page=1&size=3")))).hasSize(1);
        Map<String, Object> clip = clips.get(0);
        String name = (String) clip.get("name");
        assertThat(SENTENCES.values()).contains((String) clip.get("text"));
        assertThat(clip.get("language")).isEqualTo("EN");
        assertThat((Double) clip.get("duration_seconds")).isBetween(0.5, 5.0);
        assertThat(clip.get("confidence")).isNotNull();
        var audio = send(HttpRequest.newBuilder(URI.create(url((String) clip.get("audio_url")))).GET().build());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.body()).startsWith("RIFF");

        var edited = patch("/api/v1/task/" + task + "/transcript/" + name, "{\"text\": \"A corrected line.\", \"language\": \"en\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("text")).isEqualTo("A corrected line.");
        assertThat(problemCode(patch("/api/v1/task/" + task + "/transcript/" + name, "{\"language\": \"auto\"}")))
                .isEqualTo("invalid_language");
        assertThat(problemCode(patch("/api/v1/task/" + task + "/transcript/nope.wav", "{\"text\": \"x\"}")))
                .isEqualTo("clip_not_found");

        String removed = (String) clips.get(1).get("name");
        assertThat(delete("/api/v1/task/" + task + "/transcript/" + removed).statusCode()).isEqualTo(200);
        assertThat(problemCode(delete("/api/v1/task/" + task + "/transcript/" + removed))).isEqualTo("clip_not_found");
        Map<String, Object> after = json(get("/api/v1/task/" + task + "/transcript"));
        assertThat(after.get("total")).isEqualTo(3);
        assertThat(clips(after)).extracting(c -> c.get("name")).doesNotContain(removed);
        assertThat(clips(after).get(0).get("text")).isEqualTo("A corrected line.");
        String removedAudio = ((String) clips.get(1).get("audio_url"));
        assertThat(send(HttpRequest.newBuilder(URI.create(url(removedAudio))).GET().build()).statusCode()).isEqualTo(200);

        Map<String, Object> report = json(get("/api/v1/task/" + task + "/dataset/report"));
        Map<?, ?> totals = (Map<?, ?>) report.get("totals");
        assertThat(totals.get("clip_count")).isEqualTo(4);
        assertThat(totals.get("usable_clips")).as(report.toString()).isEqualTo(3);
        assertThat((List<?>) report.get("rejected")).hasSize(1);

        var approved = post("/api/v1/task/" + task + "/transcript/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(strings(json(approved).get("steps"))).contains("extract_text_features", "train_sovits", "train_gpt");
        awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(runsOf(task)).extracting(r -> r.step()).as("the steps after ASR ran once approved")
                .contains("extract_text_features", "train_sovits");

        assertThat(patch("/api/v1/task/" + task + "/transcript/" + name, "{\"text\": \"Changed after training.\"}")
                .statusCode()).isEqualTo(200);
        assertThat(strings(json(get("/api/v1/task/" + task)).get("outdated_steps")))
                .contains("extract_text_features", "train_sovits");
    }

    private HttpResponse<String> patch(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void reviewWorkSurvivesTranscribingAgainAndApprovalWaitsForTheTranscript() throws Exception {
        String task = createTask("review-kept", Map.of());
        for (String name : SENTENCES.keySet()) {
            assertThat(send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), name + ".wav",
                    Files.readAllBytes(AudioFixtures.file(name + ".wav")))).statusCode()).isEqualTo(200);
        }
        Map<String, Object> asr = Map.of("backend", "pocketsphinx", "language", "en",
                "grammar", List.copyOf(SENTENCES.values()));
        var pipeline = post("/api/v1/task/" + task + "/pipeline", Json.write(Map.of("stop_after", "asr_transcribe",
                "skip", List.of("denoise_audio"), "params", Map.of("asr_transcribe", asr))));
        assertThat(pipeline.statusCode()).as(pipeline.body()).isEqualTo(200);
        assertThat(problemCode(post("/api/v1/task/" + task + "/transcript/approve", "")))
                .as("nothing to approve while ASR is still queued").isEqualTo("run_active");
        assertThat(json(get("/api/v1/task/" + task)).get("awaiting_review")).isEqualTo(false);
        awaitTask(task, t -> Boolean.TRUE.equals(t.get("awaiting_review")));

        List<Map<String, Object>> clips = clips(json(get("/api/v1/task/" + task + "/transcript")));
        String edited = (String) clips.get(0).get("name");
        String removed = (String) clips.get(1).get("name");
        assertThat(patch("/api/v1/task/" + task + "/transcript/" + edited, "{\"text\": \"Kept by review.\"}")
                .statusCode()).isEqualTo(200);
        assertThat(delete("/api/v1/task/" + task + "/transcript/" + removed).statusCode()).isEqualTo(200);

        // denoising moves ASR's input from sliced/ to denoised/; transcribing again keeps the review
        assertThat(runStepAndWait(task, "denoise_audio", Map.of())).isEqualTo("succeeded");
        assertThat(runStepAndWait(task, "asr_transcribe", asr)).isEqualTo("succeeded");
        Map<String, Object> again = json(get("/api/v1/task/" + task + "/transcript"));
        assertThat(again.get("total")).isEqualTo(SENTENCES.size() - 1);
        assertThat(clips(again)).extracting(c -> c.get("name")).doesNotContain(removed);
        Map<String, Object> kept = clips(again).stream().filter(c -> edited.equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(kept.get("text")).isEqualTo("Kept by review.");
        assertThat((String) kept.get("audio_url")).contains("/denoised/");
        assertThat(kept.get("confidence")).as("the backend's confidence was for another text").isNull();

        Map<String, Object> forced = new java.util.HashMap<>(asr);
        assertThat(runStepAndWait(task, "asr_transcribe", forced, true)).isEqualTo("succeeded");
        Map<String, Object> redone = json(get("/api/v1/task/" + task + "/transcript"));
        assertThat(redone.get("total")).as("force transcribes every clip again").isEqualTo(SENTENCES.size());
        assertThat(clips(redone)).extracting(c -> c.get("text")).doesNotContain("Kept by review.");
    }

    private String runStepAndWait(String task, String step, Map<String, Object> params) {
        return runStepAndWait(task, step, params, false);
    }

    private String runStepAndWait(String task, String step, Map<String, Object> params, boolean force) {
        var response = post("/api/v1/task/" + task + "/step/" + step, Json.write(Map.of("params", params, "force", force)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String runId = (String) json(response).get("run_id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String status = (String) json(get("/api/v1/task/" + task + "/runs/" + runId)).get("status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                return status;
            }
            sleep(200);
        }
        throw new AssertionError(step + " did not finish");
    }

    @Test
    void aMalformedTranscriptIsAConflictNamingTheLineNotAServerError() throws Exception {
        String task = createTask("malformed", Map.of());
        Path list = DATA_DIR.resolve("tasks").resolve(task).resolve("asr/transcript.list");
        Files.createDirectories(list.getParent());
        Files.writeString(list, "sliced/a.wav|spk|EN|fine\nsliced/b.wav only a path\n");

        for (String path : List.of("/transcript", "/dataset/report")) {
            var response = get("/api/v1/task/" + task + path);
            assertThat(response.statusCode()).as(path).isEqualTo(409);
            assertThat(problemCode(response)).isEqualTo("transcript_malformed");
            assertThat(response.body()).contains("transcript.list line 2 is not path|speaker|LANG|text");
        }
        Files.write(list, new byte[] {'a', '|', 'b', '|', 'E', 'N', '|', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThat(get("/api/v1/task/" + task + "/dataset/report").body()).contains("is not UTF-8 text");
    }

    private static String problemCode(HttpResponse<String> response) {
        return String.valueOf(json(response).get("code"));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> clips(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("clips");
    }

    private Map<String, Object> awaitTask(String task, Predicate<Map<String, Object>> condition) {
        long deadline = System.currentTimeMillis() + 120_000;
        Map<String, Object> view = json(get("/api/v1/task/" + task));
        while (!condition.test(view)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("task is " + view);
            }
            sleep(200);
            view = json(get("/api/v1/task/" + task));
        }
        return view;
    }
}
