package gsvtrainer.steprun;

import static gsvtrainer.steprun.RunStatus.CANCELLED;
import static gsvtrainer.steprun.RunStatus.FAILED;
import static gsvtrainer.steprun.RunStatus.INTERRUPTED;
import static gsvtrainer.steprun.RunStatus.QUEUED;
import static gsvtrainer.steprun.RunStatus.RUNNING;
import static gsvtrainer.steprun.RunStatus.SUCCEEDED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Every legal move of a step run, in one table. Anything else is a bug and throws. */
public final class RunTransitions {

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED),
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class),
            INTERRUPTED, EnumSet.noneOf(RunStatus.class));

    private RunTransitions() {
    }

    public static boolean isAllowed(RunStatus from, RunStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public static void check(RunStatus from, RunStatus to) {
        if (!isAllowed(from, to)) {
            throw new IllegalStateTransitionException(from, to);
        }
    }

    /** A move the table does not allow. */
    public static final class IllegalStateTransitionException extends IllegalStateException {
        IllegalStateTransitionException(RunStatus from, RunStatus to) {
            super("illegal step run transition " + from.wireName() + " -> " + to.wireName());
        }
    }
}
