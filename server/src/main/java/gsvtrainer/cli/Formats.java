package gsvtrainer.cli;

import gsvtrainer.client.StepRunInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Human renderings of times, sizes, durations and progress for tables. */
final class Formats {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : LOCAL_TIME.format(instant);
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    static String bytes(Long size) {
        if (size == null) {
            return "-";
        }
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String duration(Instant start, Instant end) {
        if (start == null) {
            return "-";
        }
        Duration d = Duration.between(start, end == null ? Instant.now() : end);
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02dm", seconds % 3600 / 60);
    }

    /** "epoch=3 epochs=8", at most {@code max} characters. */
    static String detail(Map<String, Object> detail, int max) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        String text = detail.entrySet().stream()
                .filter(e -> e.getValue() != null && !(e.getValue() instanceof Map) && !(e.getValue() instanceof Iterable))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    static String runProgress(StepRunInfo run) {
        return run.status() != null && run.status().isTerminal() && run.progress() == null
                ? "-" : percent(run.progressFraction() * 100);
    }
}
