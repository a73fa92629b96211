package gsvtrainer.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments and query values (spaces as %20, '/' inside a segment encoded). */
final class UrlPaths {

    private UrlPaths() {
    }

    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("empty path segment");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes each segment of a relative path, keeping the '/' between them. */
    static String relativePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment(part));
        }
        return out.toString();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
