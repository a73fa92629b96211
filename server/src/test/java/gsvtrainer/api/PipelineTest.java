package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.upstream.StandinServerTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole-pipeline runs against the stand-in upstream: pause for review and continue, failures
 * downstream, resume, outdated steps.
 */
class PipelineTest extends StandinServerTest {

    private static final String[] PREPARED = {"convert_audio", "slice_audio"};

    /** Upstream saves weights only every save_every_epoch epochs; the tasks here train for two. */
    private static final String SAVE_EVERY_EPOCH = "\"params\": {\"train_sovits\": {\"save_every_epoch\": 1}, "
            + "\"train_gpt\": {\"save_every_epoch\": 1}}";

    @Test
    void aPipelinePausesWhereAskedAndContinuesAfterApproval() {
        String task = createStandinTask("review", Map.of());
        givenSucceeded(task, PREPARED);
        givenDataset(task, 3);
        var answer = post("/api/v1/task/" + task + "/pipeline",
                "{\"from\": \"extract_text_features\", \"stop_after\": \"extract_semantic_features\", " + SAVE_EVERY_EPOCH + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(steps(json(answer).get("steps"))).containsExactly("extract_text_features",
                "extract_audio_features", "extract_semantic_features");

        Map<String, Object> paused = awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(paused.get("status")).isEqualTo("completed");
        assertThat(paused.get("awaiting_review")).isEqualTo(true);
        assertThat(runsOf(task)).noneMatch(r -> r.step().startsWith("train_"));

        var approved = post("/api/v1/task/" + task + "/transcript/approve", "");
        assertThat(steps(json(approved).get("steps"))).containsExactly("train_sovits", "train_gpt", "test_inference");
        Map<String, Object> done = awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(done.get("progress")).isEqualTo(100.0);
        assertThat(done.get("awaiting_review")).isEqualTo(false);
        assertThat(artifacts(task, "sovits_weight")).isNotEmpty();
        assertThat(artifacts(task, "inference_audio")).isNotEmpty();
        String gptWeight = (String) artifacts(task, "gpt_weight").get(0).get("name");
        assertThat(get("/api/v1/task/" + task + "/files/download/" + gptWeight).statusCode()).isEqualTo(200);
    }

    @Test
    void aPipelineRunToItsEndSupersedesOneWaitingForReview() {
        String task = createStandinTask("superseded", Map.of());
        givenSucceeded(task, PREPARED);
        givenDataset(task, 2);
        post("/api/v1/task/" + task + "/pipeline", "{\"from\": \"extract_text_features\", "
                + "\"stop_after\": \"extract_text_features\"}");
        assertThat(awaitTask(task, t -> !"running".equals(t.get("status"))).get("awaiting_review")).isEqualTo(true);

        var again = post("/api/v1/task/" + task + "/pipeline",
                "{\"from\": \"extract_text_features\", \"to\": \"extract_text_features\", \"force\": true}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        Map<String, Object> view = awaitTask(task, t -> !"running".equals(t.get("status")));

        assertThat(view.get("awaiting_review")).isEqualTo(false);
        assertThat(steps(json(post("/api/v1/task/" + task + "/transcript/approve", "")).get("steps")))
                .as("the superseded plan is not queued").isEmpty();
        assertThat(runsOf(task)).noneMatch(r -> r.step().startsWith("train_"));
    }

    @Test
    void aFailureFailsWhatDependsOnItAndResumeRunsThemAgain() {
        String task = createStandinTask("resume", Map.of("s2_train", Map.of("exit", 3)));
        givenSucceeded(task, PREPARED);
        givenFeatures(task);
        post("/api/v1/task/" + task + "/pipeline", "{\"from\": \"train_sovits\", " + SAVE_EVERY_EPOCH + "}");

        Map<String, Object> failed = awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(failed.get("status")).isEqualTo("failed");
        Map<?, ?> error = (Map<?, ?>) failed.get("error");
        assertThat(error.get("step")).isEqualTo("train_sovits");
        assertThat(error.get("code")).isEqualTo("upstream_failed");
        assertThat((String) failed.get("error_message")).startsWith("train_sovits:");
        StepRun inference = latest(task, "test_inference");
        assertThat(inference.status()).isEqualTo(RunStatus.FAILED);
        assertThat(inference.error().code()).isEqualTo("dependency_failed");
        assertThat(latest(task, "train_gpt").status()).isEqualTo(RunStatus.SUCCEEDED);

        behave(task, Map.of());
        var resumed = post("/api/v1/task/" + task + "/resume", "");
        assertThat(steps(json(resumed).get("steps"))).containsExactly("train_sovits", "test_inference");
        Map<String, Object> done = awaitTask(task, t -> !"running".equals(t.get("status")));
        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(latest(task, "train_sovits").attempt()).isEqualTo(2);
        assertThat(post("/api/v1/task/" + task + "/resume", "").statusCode()).isEqualTo(409);
    }

    @Test
    void reRunningAStepMarksTheStepsAfterItOutdated() {
        String task = createStandinTask("outdated", Map.of());
        givenSucceeded(task, PREPARED);
        givenFeatures(task);
        givenSucceeded(task, "train_gpt");
        String run = (String) json(post("/api/v1/task/" + task + "/step/extract_text_features", "{\"force\": true}"))
                .get("run_id");
        awaitStatus(run, RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        Map<String, Object> view = json(get("/api/v1/task/" + task));
        assertThat(steps(view.get("outdated_steps"))).containsExactly("train_gpt");
        assertThat(get("/api/v1/task/" + task + "/runs").body()).contains("\"outdated\":true");
    }

    @Test
    void aPipelineWithAnUnknownStepOrParamQueuesNothing() {
        String task = createStandinTask("bad-pipeline", Map.of());
        assertThat(post("/api/v1/task/" + task + "/pipeline", "{\"from\": \"nope\"}").statusCode()).isEqualTo(404);
        var badParam = post("/api/v1/task/" + task + "/pipeline",
                "{\"params\": {\"train_gpt\": {\"batch_size\": 0}}}");
        assertThat(badParam.statusCode()).isEqualTo(422);
        assertThat(post("/api/v1/task/" + task + "/pipeline", "{\"skip\": [\"train_gpt\"]}").statusCode()).isEqualTo(422);
        assertThat(runsOf(task)).isEmpty();
    }

    @Test
    void aSkippedStepRunsAsANoOpThatClearsWhatAnEarlierRunOfItLeft() throws Exception {
        String task = createStandinTask("skip-denoise", Map.of());
        givenSucceeded(task, PREPARED);
        givenDataset(task, 2);
        runStep(task, "denoise_audio", Map.of());
        awaitTask(task, t -> !"running".equals(t.get("status")));
        Path denoised = workspace(task).resolve("denoised");
        assertThat(latest(task, "denoise_audio").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(java.nio.file.Files.list(denoised).filter(f -> f.toString().endsWith(".wav")).count()).isEqualTo(3);
        assertThat(post("/api/v1/task/" + task + "/pipeline", "{\"skip\": [\"denoise_audio\"], "
                + "\"params\": {\"denoise_audio\": {\"reduction_db\": 6}}}").statusCode()).isEqualTo(422);

        // the denoising succeeded, yet a pipeline that skips it runs it again, as a no-op
        var answer = post("/api/v1/task/" + task + "/pipeline",
                "{\"from\": \"denoise_audio\", \"to\": \"denoise_audio\", \"skip\": [\"denoise_audio\"]}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(steps(json(answer).get("steps"))).containsExactly("denoise_audio");
        Map<String, Object> view = awaitTask(task, t -> !"running".equals(t.get("status")));
        StepRun run = latest(task, "denoise_audio");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.params()).containsEntry("skip", true);
        try (var left = java.nio.file.Files.list(denoised)) {
            assertThat(left.toList()).as("the earlier run's denoised clips, which ASR would read").isEmpty();
        }
        assertThat(steps(view.get("outdated_steps"))).contains("asr_transcribe");

        // skipped again: its last run already skipped, so nothing is queued
        var again = post("/api/v1/task/" + task + "/pipeline",
                "{\"from\": \"denoise_audio\", \"to\": \"denoise_audio\", \"skip\": [\"denoise_audio\"]}");
        assertThat(steps(json(again).get("steps"))).isEmpty();
    }

    private static List<String> steps(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private StepRun latest(String task, String step) {
        return runsOf(task).stream().filter(r -> r.step().equals(step))
                .max(java.util.Comparator.comparingInt(StepRun::attempt)).orElseThrow();
    }

    private Map<String, Object> awaitTask(String task, java.util.function.Predicate<Map<String, Object>> condition) {
        long deadline = System.currentTimeMillis() + 90_000;
        Map<String, Object> view = json(get("/api/v1/task/" + task));
        while (!condition.test(view)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("task is " + view);
            }
            sleep(100);
            view = json(get("/api/v1/task/" + task));
        }
        return view;
    }
}
