package gsvtrainer.scheduler;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs once when an executor takes the lease: every run the database says is running is followed
 * again. The watcher then re-adopts those whose process lives on (same pid and start time) and
 * records the real outcome, or {@code interrupted}, for those whose process is gone.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final StepRunRepository runs;
    private final RunWatcher watcher;
    private final SlotPool slots;

    Recovery(StepRunRepository runs, RunWatcher watcher, SlotPool slots) {
        this.runs = runs;
        this.watcher = watcher;
        this.slots = slots;
    }

    void recover() {
        for (StepRun run : runs.findByStatus(RunStatus.RUNNING)) {
            if (watcher.isWatching(run.id())) {
                continue;
            }
            log.info("recovering run {} ({} of task {}, pid {})", run.id(), run.step(), run.taskId(), run.pid());
            slots.reserve(run.resources());
            watcher.adopt(run);
        }
    }
}
