package gsvtrainer.upstream;

import gsvtrainer.pipeline.RunReporter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PyTorch Lightning bar {@code s1_train.py} draws
 * ({@code Epoch 0:  61%|███| 544/886 [00:10<00:05, 54.3it/s, v_num=0, total_loss_step=.., lr_step=.., top_3_acc_step=..]})
 * into run progress and metrics; epochs count from 1 as in the weight names.
 */
final class GptProgress implements Consumer<String> {

    private static final Pattern BAR = Pattern.compile("Epoch (\\d+):\\s*(\\d+)%\\|[^|]*\\|\\s*(\\d+)/(\\d+) \\[([^\\]]*)]?");
    private static final Pattern VALUE = Pattern.compile("(\\w+)=([-+]?[\\d.]+(?:e[-+]?\\d+)?)");

    private final RunReporter reporter;
    private final int epochs;
    private final Runnable onEpochChange;
    private final Map<String, Object> latest = new LinkedHashMap<>();
    private final Throttle throttle = new Throttle(500);
    private int epoch;
    private int batch = -1;
    private long steps;

    GptProgress(RunReporter reporter, int epochs, Runnable onEpochChange) {
        this.reporter = reporter;
        this.epochs = epochs;
        this.onEpochChange = onEpochChange;
    }

    Map<String, Object> latest() {
        return Map.copyOf(latest);
    }

    @Override
    public void accept(String line) {
        Matcher m = BAR.matcher(line);
        if (!m.find()) {
            return;
        }
        int shownEpoch = Integer.parseInt(m.group(1)) + 1;
        int done = Integer.parseInt(m.group(3));
        int total = Integer.parseInt(m.group(4));
        boolean newEpoch = shownEpoch != epoch;
        if (newEpoch && epoch != 0) {
            onEpochChange.run();
        }
        epoch = shownEpoch;
        if (newEpoch) {
            steps += done;
        } else if (done > batch) {
            steps += done - Math.max(0, batch);
        }
        batch = done;
        boolean epochEnd = total > 0 && done == total;
        if (!(newEpoch || epochEnd || throttle.ready())) {
            return;
        }
        Map<String, Object> detail = Map.of("epoch", epoch, "step", steps);
        Matcher v = VALUE.matcher(m.group(5));
        while (v.find()) {
            String name = v.group(1);
            if (name.endsWith("_step") || name.endsWith("_epoch")) {
                double value = Double.parseDouble(v.group(2));
                String metric = name.replaceFirst("_step$", "");
                latest.put(metric, value);
                reporter.metric(metric, value, detail);
            }
        }
        double within = total == 0 ? 0 : done / (double) total;
        reporter.progress(Math.min(1, (Math.min(epoch, epochs) - 1 + within) / epochs), Map.of("epoch", Math.min(epoch, epochs),
                "epochs", epochs, "step", steps, "epoch_fraction", Math.round(within * 1000) / 1000.0));
    }
}
