package gsvtrainer.steprun;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.ServerTest;
import gsvtrainer.testsupport.TestAudio;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An upload after conversion: the next pipeline run, without force, converts again so the upload is used. */
@SuppressWarnings("unchecked")
class UploadsOutdateConversionTest extends ServerTest {

    @Test
    void anUploadAfterConversionMakesItOutdatedAndThePipelineConvertsAgain() throws Exception {
        String task = createTask("late-upload", Map.of());
        upload(task, "first.wav");
        String run = (String) json(post("/api/v1/task/" + task + "/step/convert_audio", "{}")).get("run_id");
        awaitRun(task, run);
        assertThat((List<Object>) (List<?>) json(get("/api/v1/task/" + task)).get("outdated_steps")).doesNotContain("convert_audio");

        upload(task, "second.wav");

        assertThat((List<Object>) (List<?>) json(get("/api/v1/task/" + task)).get("outdated_steps")).contains("convert_audio");
        var again = post("/api/v1/task/" + task + "/pipeline", Json.write(Map.of("to", "convert_audio")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat((List<Object>) (List<?>) json(again).get("steps")).containsExactly("convert_audio");
        awaitRun(task, (String) ((List<Object>) (List<?>) json(again).get("run_ids")).get(0));
        assertThat(runs.findByTask(task)).filteredOn(r -> r.step().equals("convert_audio")).hasSize(2)
                .allSatisfy(r -> assertThat(r.status().wireName()).isEqualTo("succeeded"));
    }

    private void upload(String task, String name) {
        var response = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), name,
                TestAudio.toneWav(2, 16000)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void awaitRun(String task, String run) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            String status = (String) json(get("/api/v1/task/" + task + "/runs/" + run)).get("status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                assertThat(status).isEqualTo("succeeded");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not finish");
    }
}
