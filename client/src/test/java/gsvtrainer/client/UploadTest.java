package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {

    private final StubServer server = new StubServer();

    @TempDir
    Path dir;

    UploadTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uploadsTheFileAsOneMultipartPartWithItsNameAndLength() throws IOException {
        byte[] audio = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(audio);
        Path file = Files.write(dir.resolve("speaker \"one\".wav"), audio);
        server.json("/api/v1/task/t_1/files/upload", 200, """
                {"filename": "u_1.wav", "original_filename": "speaker one.wav", "size": 3145745, "duration_seconds": 12.5, "message": "ok"}""");
        List<long[]> progress = new CopyOnWriteArrayList<>();

        UploadResult result = server.client().uploadFile("t_1", file, (done, total) -> progress.add(new long[] {done, total}));

        StubServer.Recorded request = server.requests().get(0);
        Part part = Part.parse(request.header("Content-Type"), request.body());
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Length")).isEqualTo(Integer.toString(request.body().length));
        assertThat(part.headers()).contains("name=\"file\"", "filename=\"speaker %22one%22.wav\"", "Content-Type: audio/wav");
        assertThat(Arrays.equals(part.content(), audio)).as("file bytes arrive unchanged").isTrue();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(request.body().length);
        assertThat(progress.get(progress.size() - 1)[1]).isEqualTo(request.body().length);
        assertThat(result.filename()).isEqualTo("u_1.wav");
        assertThat(result.durationSeconds()).isEqualTo(12.5);
    }

    @Test
    void aMissingFileFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> server.client().uploadFile("t_1", dir.resolve("absent.wav")))
                .isInstanceOf(GsvTrainerException.class)
                .hasMessageContaining("absent.wav");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRejectedUploadCarriesTheServersCode() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not audio");
        server.json("/api/v1/task/t_1/files/upload", 415, """
                {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
                 "detail": "notes.txt is not decodable audio", "code": "not_audio"}""");

        assertThatThrownBy(() -> server.client().uploadFile("t_1", file))
                .isInstanceOfSatisfying(GsvTrainerException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.code()).isEqualTo("not_audio");
                    assertThat(e.detail()).isEqualTo("notes.txt is not decodable audio");
                });
    }

    /** The single part of a multipart/form-data body, split the way a server would. */
    record Part(String headers, byte[] content) {

        static Part parse(String contentType, byte[] body) {
            Matcher boundary = Pattern.compile("boundary=(\\S+)").matcher(contentType);
            assertThat(contentType).startsWith("multipart/form-data");
            assertThat(boundary.find()).isTrue();
            byte[] open = ("--" + boundary.group(1) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] close = ("\r\n--" + boundary.group(1) + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Arrays.copyOfRange(body, 0, open.length)).isEqualTo(open);
            assertThat(Arrays.copyOfRange(body, body.length - close.length, body.length)).isEqualTo(close);
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), open.length);
            String headers = new String(body, open.length, headerEnd - open.length, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, body.length - close.length);
            return new Part(headers, content);
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new AssertionError("no part header end");
        }
    }
}
