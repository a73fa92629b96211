package gsvtrainer.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a non-2xx answer into a {@link GsvTrainerException}. Reads the problem document
 * ({@code {"detail", "code", "title", ...}}); {@code detail} may also be a list (old-style validation
 * errors, {@code [{"loc": [...], "msg": "..."}]}) or an object, whose text is kept.
 */
final class Problems {

    private static final int MAX_TEXT = 2000;

    private Problems() {
    }

    static GsvTrainerException toException(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        JsonNode document = parse(text);
        if (document == null || !document.isObject()) {
            return new GsvTrainerException(status, null, text.isEmpty() ? null : truncate(text));
        }
        String code = document.path("code").isString() ? document.path("code").stringValue() : null;
        String detail = detailText(document.path("detail"));
        if (detail == null && document.path("title").isString()) {
            detail = document.path("title").stringValue();
        }
        return new GsvTrainerException(status, code, detail);
    }

    static String detailText(JsonNode detail) {
        if (detail == null || detail.isMissingNode() || detail.isNull()) {
            return null;
        }
        if (detail.isString()) {
            return detail.stringValue();
        }
        if (detail.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : detail) {
                parts.add(itemText(item));
            }
            return truncate(String.join("; ", parts));
        }
        return truncate(detail.toString());
    }

    private static String itemText(JsonNode item) {
        if (item.isString()) {
            return item.stringValue();
        }
        if (item.isObject() && item.path("msg").isString()) {
            JsonNode loc = item.path("loc");
            if (loc.isArray() && !loc.isEmpty()) {
                List<String> where = new ArrayList<>();
                loc.forEach(part -> where.add(part.asString()));
                return String.join(".", where) + ": " + item.path("msg").stringValue();
            }
            return item.path("msg").stringValue();
        }
        return item.toString();
    }

    private static JsonNode parse(String text) {
        if (text.isEmpty() || (text.charAt(0) != '{' && text.charAt(0) != '[')) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
