package gsvtrainer.upstream;

/** Lets an event through at most once per interval (progress bars redraw far more often than worth reporting). */
final class Throttle {

    private final long intervalMillis;
    private long last;

    Throttle(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    boolean ready() {
        long now = System.currentTimeMillis();
        if (now - last < intervalMillis) {
            return false;
        }
        last = now;
        return true;
    }
}
