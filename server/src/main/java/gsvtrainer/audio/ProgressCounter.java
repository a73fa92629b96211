package gsvtrainer.audio;

import gsvtrainer.pipeline.RunReporter;
import java.util.Map;

/**
 * Adds up work done by several threads and reports it as a fraction, at most once per percent, with
 * the units named (e.g. {@code files_done}/{@code files_total}).
 */
final class ProgressCounter {

    private final RunReporter reporter;
    private final String unit;
    private final double total;
    private double done;
    private double reported = -1;

    ProgressCounter(RunReporter reporter, String unit, double total) {
        this.reporter = reporter;
        this.unit = unit;
        this.total = total;
    }

    synchronized void add(double amount) {
        done += amount;
        double fraction = total <= 0 || done >= total * (1 - 1e-9) ? 1 : done / total;
        if (fraction - reported >= 0.01 || fraction == 1 && reported < 1) {
            reported = fraction;
            reporter.progress(fraction, Map.of(unit + "_done", round(done), unit + "_total", round(total)));
        }
    }

    private static Object round(double value) {
        return value == Math.rint(value) ? (Object) (long) value : (Object) (Math.round(value * 10) / 10.0);
    }
}
