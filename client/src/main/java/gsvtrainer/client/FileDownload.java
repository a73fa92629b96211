package gsvtrainer.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a response body to a temporary file next to the target and moves it into place once complete,
 * so a broken download never leaves a truncated file under the target's name.
 */
final class FileDownload {

    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private FileDownload() {
    }

    /**
     * Downloads to {@code target}; when {@code target} is an existing directory the file is named after the
     * answer's Content-Disposition, else after {@code fallbackName}.
     */
    static Path fetch(HttpTransport transport, HttpRequest request, Path target, String fallbackName, TransferListener listener) {
        HttpResponse<InputStream> response = transport.open(request);
        try (InputStream body = response.body()) {
            Path destination = Files.isDirectory(target)
                    ? target.resolve(safeName(response.headers().firstValue("Content-Disposition").orElse(null), fallbackName))
                    : target;
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return write(body, destination.toAbsolutePath(), total, listener);
        } catch (IOException e) {
            throw new GsvTrainerException("download of " + request.uri() + " failed: " + HttpTransport.reason(e), e);
        }
    }

    private static Path write(InputStream body, Path destination, long total, TransferListener listener) throws IOException {
        Path directory = destination.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + destination.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[64 * 1024];
                long done = 0;
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    done += read;
                    listener.onProgress(done, total);
                }
            }
            moveIntoPlace(temporary, destination);
            return destination;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveIntoPlace(Path temporary, Path destination) throws IOException {
        try {
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file name from a Content-Disposition header, reduced to its last segment. */
    static String safeName(String contentDisposition, String fallbackName) {
        String name = fallbackName;
        if (contentDisposition != null) {
            Matcher matcher = FILENAME.matcher(contentDisposition);
            if (matcher.find()) {
                name = matcher.group(1);
            }
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (last.isBlank() || last.equals(".") || last.equals("..")) {
            throw new GsvTrainerException("no usable file name for the download: " + name, null);
        }
        return last;
    }
}
