package gsvtrainer.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Progress for logs and pipes: one plain line (no '\r', no ANSI) when the value crosses a 10 % mark or
 * the message's first word (the step) changes, and one when done. Details later in the message
 * (epoch, files done) change every few hundred milliseconds: they are shown, but print no line.
 */
final class LineBar implements Bar {

    private final String name;
    private final boolean bytes;
    private final PrintStream out;
    private long max;
    private long current;
    private long lastTenth = -1;
    private String extra = "";
    private String printedExtra;
    private String lastLine;

    LineBar(String name, long max, boolean bytes) {
        this(name, max, bytes, System.err);
    }

    LineBar(String name, long max, boolean bytes, PrintStream out) {
        this.name = name;
        this.max = max;
        this.bytes = bytes;
        this.out = out;
    }

    @Override
    public synchronized void maxHint(long max) {
        this.max = max;
    }

    @Override
    public synchronized void stepTo(long current) {
        this.current = current;
        printIfChanged();
    }

    @Override
    public synchronized void extra(String message) {
        this.extra = message == null ? "" : message;
        printIfChanged();
    }

    @Override
    public synchronized void update(long current, String message) {
        this.current = current;
        this.extra = message == null ? "" : message;
        printIfChanged();
    }

    @Override
    public synchronized void close() {
        if (!line().equals(lastLine)) {
            print();
        }
    }

    private void printIfChanged() {
        long tenth = max <= 0 ? 0 : Math.min(10, current * 10 / max);
        if (tenth != lastTenth || !Objects.equals(printedExtra, firstWord(extra))) {
            print();
        }
    }

    private void print() {
        lastTenth = max <= 0 ? 0 : Math.min(10, current * 10 / max);
        printedExtra = firstWord(extra);
        lastLine = line();
        out.println(lastLine);
        out.flush();
    }

    private static String firstWord(String message) {
        int space = message.indexOf(' ');
        return space < 0 ? message : message.substring(0, space);
    }

    private String line() {
        String amount = bytes ? " (" + Formats.bytes(current) + " / " + Formats.bytes(max) + ")" : "";
        double percent = max <= 0 ? 0 : 100.0 * current / max;
        return String.format(Locale.ROOT, "%s: %.0f%%%s%s", name, percent, amount, extra.isEmpty() ? "" : " " + extra);
    }
}
