package gsvtrainer.client;

/** The answer to an upload: the server-chosen file name, the client's name, size and decoded duration. */
public record UploadResult(String filename, String originalFilename, Long size, Double durationSeconds, String message) {
}
