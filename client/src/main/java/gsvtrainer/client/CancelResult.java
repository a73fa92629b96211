package gsvtrainer.client;

import java.util.Collection;

/**
 * The answer to {@code POST /task/{task_id}/cancel}. {@code cancelled_runs} is kept as sent (a list of run
 * ids or a count) so that either form reads.
 */
public record CancelResult(String message, Object cancelledRuns) {

    /** How many runs were cancelled, whichever form the server used. */
    public int cancelledCount() {
        if (cancelledRuns instanceof Number n) {
            return n.intValue();
        }
        if (cancelledRuns instanceof Collection<?> c) {
            return c.size();
        }
        return 0;
    }
}
