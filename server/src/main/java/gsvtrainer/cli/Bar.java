package gsvtrainer.cli;

/**
 * A progress display: a terminal bar when the output is interactive, plain lines otherwise (the
 * progressbar library writes '\r' redraws and ANSI codes even into a file).
 */
interface Bar extends AutoCloseable {

    void maxHint(long max);

    void stepTo(long current);

    void extra(String message);

    /** Sets the value and the message together (one line, not two, on a non-terminal). */
    default void update(long current, String message) {
        extra(message);
        stepTo(current);
    }

    @Override
    void close();

    /**
     * Whether bars may redraw in place: only when standard error, where they go, is a terminal
     * ({@code 2>file} from a terminal is not). Where /proc cannot tell, whether the console is one.
     */
    static boolean interactive() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    /** A bar counting bytes, e.g. of an upload. */
    static Bar bytes(String name, long total) {
        return interactive() ? TerminalBar.bytes(name, total) : new LineBar(name, total, true);
    }

    /** A bar counting percent, 0–100. */
    static Bar percent(String name) {
        return interactive() ? TerminalBar.percent(name) : new LineBar(name, 100, false);
    }
}
