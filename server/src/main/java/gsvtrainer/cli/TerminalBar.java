package gsvtrainer.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A redrawing bar on an interactive terminal (stderr), backed by me.tongfei progressbar. */
final class TerminalBar implements Bar {

    private final ProgressBar bar;

    private TerminalBar(ProgressBar bar) {
        this.bar = bar;
    }

    static TerminalBar bytes(String name, long total) {
        return new TerminalBar(new ProgressBarBuilder().setTaskName(name).setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit("MiB", 1024 * 1024)
                .setUpdateIntervalMillis(200).showSpeed().build());
    }

    static TerminalBar percent(String name) {
        return new TerminalBar(new ProgressBarBuilder().setTaskName(name).setInitialMax(100)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit("%", 1)
                .setUpdateIntervalMillis(500).build());
    }

    @Override
    public void maxHint(long max) {
        bar.maxHint(max);
    }

    @Override
    public void stepTo(long current) {
        bar.stepTo(current);
    }

    @Override
    public void extra(String message) {
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
