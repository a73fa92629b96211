package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.auth.ApiKeys;
import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.ServerTest;
import gsvtrainer.testsupport.TestAudio;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad and hostile requests get the right 4xx with a clear message and a code, and write nothing. */
class HostileInputTest extends ServerTest {

    @Autowired
    ApiKeys keys;

    String task;

    @BeforeEach
    void createTask() {
        task = (String) json(post("/api/v1/task/create", "{\"task_name\": \"hostile\"}")).get("task_id");
    }

    @Test
    void pathTraversalVariantsAreRefused() throws IOException {
        Files.writeString(DATA_DIR.resolve("secret.txt"), "secret");
        List<String> variants = List.of("../../secret.txt", "..%2F..%2Fsecret.txt", "%2e%2e/%2e%2e/secret.txt",
                "..%5C..%5Csecret.txt", "uploads/../../secret.txt", "/etc/passwd", "%2Fetc%2Fpasswd", "....//secret.txt",
                "uploads%00.wav", "runs/x/run.log");
        for (String variant : variants) {
            int rawStatus = rawGetStatus("/api/v1/task/" + task + "/files/raw/" + variant);
            int byNameStatus = rawGetStatus("/api/v1/task/" + task + "/files/download/" + variant);
            assertThat(rawStatus).as("raw %s", variant).isBetween(400, 404);
            assertThat(byNameStatus).as("by name %s", variant).isBetween(400, 404);
        }
    }

    @Test
    void aSymlinkLeadingOutOfTheWorkspaceIsRefused() throws IOException {
        Path uploads = Files.createDirectories(DATA_DIR.resolve("tasks").resolve(task).resolve("uploads"));
        Files.writeString(DATA_DIR.resolve("outside.wav"), "outside");
        Files.createSymbolicLink(uploads.resolve("link.wav"), DATA_DIR.resolve("outside.wav"));
        assertThat(get("/api/v1/task/" + task + "/files/raw/uploads/link.wav").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/task/" + task + "/files/download/link.wav").statusCode()).isBetween(400, 404);
        assertThat(get("/api/v1/task/" + task + "/files?dir=uploads").body()).as("not listed, nor its target's size")
                .doesNotContain("link.wav");
    }

    @Test
    void anOversizeUploadIs413AndLeavesNothing() {
        var response = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "big.wav",
                TestAudio.toneWav(30, 44100)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code")).isEqualTo("upload_too_large");
        assertNothingUploaded();
    }

    @Test
    void uploadsInParallelCannotTogetherExceedTheTaskLimit() throws Exception {
        byte[] oneMegabyteAndAHalf = TestAudio.toneWav(17, 44100);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "p" + i + ".wav";
                answers.add(pool.submit(() -> send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), name,
                        oneMegabyteAndAHalf)).statusCode()));
            }
            List<Integer> codes = new java.util.ArrayList<>();
            for (var answer : answers) {
                codes.add(answer.get());
            }
            assertThat(codes).as("3 MB allow two of four 1.5 MB uploads").filteredOn(c -> c == 200).hasSize(2);
            assertThat(codes).filteredOn(c -> c == 413).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> stored = Files.list(DATA_DIR.resolve("tasks").resolve(task).resolve("uploads"))) {
            assertThat(stored.filter(f -> !f.getFileName().toString().startsWith("."))).hasSize(2);
        }
    }

    @Test
    void theTaskLimitCountsEveryUpload() {
        byte[] oneMegabyteAndAHalf = TestAudio.toneWav(17, 44100);
        assertThat(send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "a.wav", oneMegabyteAndAHalf))
                .statusCode()).isEqualTo(200);
        assertThat(send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "b.wav", oneMegabyteAndAHalf))
                .statusCode()).isEqualTo(200);
        var third = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "c.wav", oneMegabyteAndAHalf));
        assertThat(third.statusCode()).isEqualTo(413);
    }

    @Test
    void nonAudioUploadsAre415Or422AndLeaveNothing() {
        var text = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "notes.txt",
                "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(json(text).get("code")).isEqualTo("unsupported_media_type");
        var fakeWav = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "fake.wav",
                "this is not audio at all, just text".repeat(100).getBytes(StandardCharsets.UTF_8)));
        assertThat(fakeWav.statusCode()).isEqualTo(422);
        assertThat(json(fakeWav).get("code")).isEqualTo("not_audio");
        assertThat((String) json(fakeWav).get("detail")).contains("fake.wav").doesNotContain(DATA_DIR.toString())
                .doesNotContain("/tmp").doesNotContain(".part");
        var empty = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "empty.wav", new byte[0]));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertNothingUploaded();
    }

    @Test
    void oddNamesAcceptHeadersAndNullsAre4xxNot500() {
        var slash = send(Multipart.upload(url("/api/v1/task/" + task + "/files/upload"), "/", TestAudio.toneWav(1, 16000)));
        assertThat(slash.statusCode()).as(slash.body()).isEqualTo(415);
        assertThat(json(slash).get("code")).isEqualTo("unsupported_media_type");
        var xml = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/task/" + task)))
                .header("Accept", "application/xml").GET().build());
        assertThat(xml.statusCode()).isEqualTo(406);
        var nullSkip = post("/api/v1/task/" + task + "/pipeline", "{\"skip\": [null]}");
        assertThat(nullSkip.statusCode()).isEqualTo(422);
        assertThat(json(nullSkip).get("code")).isEqualTo("invalid_param");
        assertThat(runsOf(task)).isEmpty();
        assertNothingUploaded();
    }

    @Test
    void malformedJsonIs400() {
        var response = post("/api/v1/task/create", "{\"task_name\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code")).isEqualTo("bad_request");
        assertThat(post("/api/v1/task/" + task + "/step/convert_audio", "[1,2").statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedQueryStringIs400() throws IOException {
        assertThat(rawGetStatus("/api/v1/task/" + task + "/files?=%1D%C3%8C")).isEqualTo(400);
    }

    @Test
    void unknownStepAndUnknownParamAreRefusedAndQueueNothing() {
        var unknownStep = post("/api/v1/task/" + task + "/step/format_disk", "{\"params\": {}}");
        assertThat(unknownStep.statusCode()).isEqualTo(404);
        assertThat(json(unknownStep).get("code")).isEqualTo("unknown_step");
        var unknownParam = post("/api/v1/task/" + task + "/step/convert_audio", "{\"params\": {\"rm_rf\": true}}");
        assertThat(unknownParam.statusCode()).isEqualTo(422);
        assertThat(json(unknownParam).get("code")).isEqualTo("unknown_param");
        assertThat((String) json(unknownParam).get("detail")).contains("rm_rf");
        var badValue = post("/api/v1/task/" + task + "/step/convert_audio", "{\"params\": {\"sample_rate\": 5}}");
        assertThat(badValue.statusCode()).isEqualTo(422);
        assertThat(json(badValue).get("code")).isEqualTo("invalid_param");
        assertThat(runsOf(task)).isEmpty();
    }

    @Test
    void aStepWhoseDependencyHasNotRunIs409() {
        var response = post("/api/v1/task/" + task + "/step/slice_audio", "{}");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).get("code")).isEqualTo("dependency_not_met");
    }

    @Test
    void anotherKeysTaskDoesNotExistForThem() {
        String alice = keys.create("alice", false).secret();
        String bob = keys.create("bob", false).secret();
        String admin = keys.create("root", true).secret();
        var created = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/task/create")))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"task_name\": \"alice's\"}")).build());
        String alicesTask = (String) json(created).get("task_id");

        assertThat(getAs(bob, "/api/v1/task/" + alicesTask).statusCode()).isEqualTo(404);
        assertThat(getAs(bob, "/api/v1/tasks").body()).doesNotContain(alicesTask);
        assertThat(get("/api/v1/task/" + alicesTask).statusCode()).isEqualTo(404);
        assertThat(getAs(alice, "/api/v1/task/" + alicesTask).statusCode()).isEqualTo(200);
        assertThat(getAs(admin, "/api/v1/task/" + alicesTask).statusCode()).isEqualTo(200);
        var wrongKey = getAs("gsv_not_a_key", "/api/v1/tasks");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(json(wrongKey).get("code")).isEqualTo("unauthorized");
    }

    private java.net.http.HttpResponse<String> getAs(String key, String path) {
        return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    private void assertNothingUploaded() {
        Path uploads = DATA_DIR.resolve("tasks").resolve(task).resolve("uploads");
        if (Files.exists(uploads)) {
            try (Stream<Path> files = Files.list(uploads)) {
                assertThat(files.toList()).isEmpty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(get("/api/v1/task/" + task + "/artifacts").body()).isEqualTo("[]");
    }

    /** Sends the path bytes as they are (no client-side normalisation of dots or escapes). */
    private int rawGetStatus(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
