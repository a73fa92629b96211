package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.testsupport.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics, the OpenAPI document, its UI and the step catalog. */
class OperationsTest extends ServerTest {

    @Test
    void healthAndPrometheusMetricsAreServed() {
        assertThat(get("/actuator/health").body()).contains("UP");
        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("gsv_step_runs{status=\"queued\"}", "gsv_tasks", "http_server_requests");
    }

    @Test
    void theOpenApiDocumentListsTheV1PathsAndTheUiIsServed() {
        String document = get("/v3/api-docs").body();
        assertThat(document).contains("/api/v1/task/create", "/api/v1/task/{taskId}/step/{step}",
                "/api/v1/task/{taskId}/files/upload", "/api/v1/task/{taskId}/events/stream");
        assertThat(get("/docs").statusCode()).isIn(200, 302);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCatalogListsAllElevenStepsWithTheirDefaults() {
        var steps = (List<Map<String, Object>>) (List<?>) gsvtrainer.config.Json.read(get("/api/v1/steps").body(), List.class);
        assertThat(steps).extracting(s -> s.get("name")).containsExactly("convert_audio", "slice_audio", "denoise_audio",
                "asr_transcribe", "extract_text_features", "extract_audio_features", "extract_speaker_vectors",
                "extract_semantic_features", "train_sovits", "train_gpt", "test_inference");
        Map<String, Object> slice = steps.get(1);
        assertThat((Map<String, Object>) slice.get("params")).containsEntry("threshold", -34.0).containsEntry("min_length", 4000);
        assertThat(slice.get("available")).isEqualTo(true);
        assertThat((List<String>) steps.get(9).get("depends_on")).doesNotContain("train_sovits");
    }
}
