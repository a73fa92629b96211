package gsvtrainer.dataset;

import gsvtrainer.audio.ClipStats;
import gsvtrainer.config.Json;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-clip measures the slice step recorded in {@code sliced/_report.json}, taken before its
 * normalisation, and which clips came from splitting an over-long one (its {@code split} flag).
 */
final class SliceMeasures {

    /** A clip's measures and whether it is a part of a split clip. */
    record Measured(ClipStats stats, boolean split) {
    }

    private SliceMeasures() {
    }

    static Map<String, Measured> read(TaskWorkspace workspace) {
        Path file = workspace.sliced().resolve("_report.json");
        Map<String, Measured> measured = new HashMap<>();
        if (!Files.exists(file)) {
            return measured;
        }
        Map<String, Object> report;
        try {
            report = Json.readMap(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return measured;
        }
        for (Object source : list(report.get("sources"))) {
            List<?> clips = list(((Map<?, ?>) source).get("clips"));
            for (Object each : clips) {
                Map<?, ?> clip = (Map<?, ?>) each;
                // the slicer says so; clips that merely touch may come from one of upstream's cuts too
                boolean split = Boolean.TRUE.equals(clip.get("split"));
                if (clip.get("stats") instanceof Map<?, ?> stats) {
                    ClipStats read = new ClipStats(value(stats, "duration_seconds"), value(stats, "peak_dbfs"),
                            value(stats, "rms_dbfs"), value(stats, "clipping_ratio"), value(stats, "snr_db"));
                    if (complete(read)) { // else the clip is measured from its file, as without a report
                        measured.put(String.valueOf(clip.get("file")), new Measured(read, split));
                    }
                }
            }
        }
        return measured;
    }

    /** Whether every measure was there: a report written by hand or by an older build may lack some. */
    private static boolean complete(ClipStats stats) {
        return !Double.isNaN(stats.durationSeconds()) && !Double.isNaN(stats.peakDbfs())
                && !Double.isNaN(stats.rmsDbfs()) && !Double.isNaN(stats.clippingRatio())
                && !Double.isNaN(stats.snrDb());
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static double value(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
