package gsvtrainer.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body with one file part, streamed from disk: a small header, the file
 * itself and a trailer, concatenated. The length is known up front, so the request carries a
 * Content-Length and the file is never held in memory.
 */
final class MultipartBody {

    private static final Map<String, String> AUDIO_TYPES = Map.of(
            "wav", "audio/wav", "mp3", "audio/mpeg", "flac", "audio/flac", "ogg", "audio/ogg",
            "opus", "audio/opus", "m4a", "audio/mp4", "aac", "audio/aac", "webm", "audio/webm");

    private final String boundary;
    private final BodyPublisher publisher;

    private MultipartBody(String boundary, BodyPublisher publisher) {
        this.boundary = boundary;
        this.publisher = publisher;
    }

    static MultipartBody ofFile(String fieldName, Path file) throws FileNotFoundException {
        String boundary = "gsv-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String fileName = file.getFileName().toString();
        String header = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + quote(fieldName) + "\"; filename=\"" + quote(fileName) + "\"\r\n"
                + "Content-Type: " + contentType(fileName) + "\r\n\r\n";
        String trailer = "\r\n--" + boundary + "--\r\n";
        BodyPublisher body = BodyPublishers.concat(
                BodyPublishers.ofByteArray(header.getBytes(StandardCharsets.UTF_8)),
                BodyPublishers.ofFile(file),
                BodyPublishers.ofByteArray(trailer.getBytes(StandardCharsets.ISO_8859_1)));
        return new MultipartBody(boundary, body);
    }

    String contentTypeHeader() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher() {
        return publisher;
    }

    /** Escapes a quoted-string parameter the way browsers do (RFC 7578 §4.2). */
    static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return AUDIO_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
