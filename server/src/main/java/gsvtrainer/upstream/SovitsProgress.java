package gsvtrainer.upstream;

import gsvtrainer.pipeline.RunReporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code s2_train.py}'s output: {@code start training from epoch N}, {@code Train Epoch: e [p%]},
 * the loss list {@code [loss_disc, loss_gen, loss_fm, loss_mel, kl_ssl, loss_kl, global_step, lr]},
 * {@code saving ckpt <name>_e<e>:Success.}, {@code ====> Epoch: e} and the tqdm bar of the batches,
 * and turns them into run progress (epoch, step, fraction of all epochs) and metrics.
 */
final class SovitsProgress implements Consumer<String> {

    static final List<String> LOSSES = List.of("loss_disc", "loss_gen", "loss_fm", "loss_mel", "kl_ssl", "loss_kl");

    private boolean saidNotFinite;
    private static final Pattern START = Pattern.compile("start training from epoch (\\d+)");
    private static final Pattern EPOCH = Pattern.compile("Train Epoch: (\\d+) \\[(\\d+)%]");
    private static final Pattern LOSS_LIST = Pattern.compile("\\[((?:[-+\\w.]+, ){7}[-+\\w.]+)]\\s*$");
    private static final Pattern SAVED = Pattern.compile("saving ckpt \\S+_e(\\d+):(.*)$");
    private static final Pattern EPOCH_DONE = Pattern.compile("====> Epoch: (\\d+)");
    private static final Pattern TQDM = Pattern.compile("(\\d+)%\\|[^|]*\\|\\s*(\\d+)/(\\d+) \\[");

    private final RunReporter reporter;
    private final int epochs;
    private final Runnable onSaved;
    private final Map<String, Object> latest = new LinkedHashMap<>();
    private final Throttle throttle = new Throttle(500);
    private int epoch = 1;
    private long step;
    private double withinEpoch;

    SovitsProgress(RunReporter reporter, int epochs, Runnable onSaved) {
        this.reporter = reporter;
        this.epochs = epochs;
        this.onSaved = onSaved;
    }

    /** The latest losses, for weight metadata. */
    Map<String, Object> latest() {
        return Map.copyOf(latest);
    }

    @Override
    public void accept(String line) {
        Matcher m;
        if ((m = START.matcher(line)).find()) {
            epoch = Integer.parseInt(m.group(1));
            withinEpoch = 0;
            reporter.log("info", "SoVITS training starts at epoch " + epoch + " of " + epochs);
            report(true);
        } else if ((m = EPOCH.matcher(line)).find()) {
            epoch = Integer.parseInt(m.group(1));
            withinEpoch = Integer.parseInt(m.group(2)) / 100.0;
        } else if ((m = LOSS_LIST.matcher(line)).find()) {
            losses(m.group(1).split(", "));
        } else if ((m = SAVED.matcher(line)).find()) {
            if (m.group(2).trim().startsWith("Success")) {
                onSaved.run();
            } else {
                reporter.log("warn", "saving the weights of epoch " + m.group(1) + " failed: " + m.group(2));
            }
        } else if ((m = EPOCH_DONE.matcher(line)).find()) {
            epoch = Integer.parseInt(m.group(1));
            withinEpoch = 1;
            report(true);
            epoch++;
            withinEpoch = 0;
        } else if ((m = TQDM.matcher(line)).find()) {
            int total = Integer.parseInt(m.group(3));
            withinEpoch = total == 0 ? 0 : Integer.parseInt(m.group(2)) / (double) total;
            report(false);
        }
    }

    private void losses(String[] values) {
        try {
            step = (long) pythonFloat(values[6]);
            Map<String, Object> detail = Map.of("epoch", epoch, "step", step);
            for (int i = 0; i < LOSSES.size(); i++) {
                metric(LOSSES.get(i), pythonFloat(values[i]), detail);
            }
            metric("lr", pythonFloat(values[7]), detail);
            report(true);
        } catch (NumberFormatException e) {
            reporter.log("warn", "unreadable loss line: " + String.join(", ", values));
        }
    }

    /** A finite value becomes a metric; a nan or inf loss (a half-precision blow-up) is said once, not sent. */
    private void metric(String name, double value, Map<String, Object> detail) {
        if (!Double.isFinite(value)) {
            if (!saidNotFinite) {
                reporter.log("warn", name + " is " + value + " at step " + step + " (later non-finite losses are not reported)");
                saidNotFinite = true;
            }
            return;
        }
        latest.put(name, value);
        reporter.metric(name, value, detail);
    }

    /** Python's float text: also nan, inf and -inf, which Java spells differently. */
    static double pythonFloat(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private void report(boolean always) {
        if (!always && !throttle.ready()) {
            return;
        }
        int shown = Math.min(epoch, epochs);
        double fraction = Math.min(1, (shown - 1 + withinEpoch) / epochs);
        reporter.progress(fraction, Map.of("epoch", shown, "epochs", epochs, "step", step,
                "epoch_fraction", Math.round(withinEpoch * 1000) / 1000.0));
    }
}
