package gsvtrainer.scheduler;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.files.Workspaces;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.task.TaskRepository;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The executor of this machine: while it holds the scheduler lease, it recovers runs left from a
 * previous life, follows running runs and starts queued ones, every tick or at once when woken.
 */
@Component
@ConditionalOnProperty(name = "gsv.executor.enabled", havingValue = "true", matchIfMissing = true)
public class LocalExecutor implements SmartLifecycle, ExecutorSignal {

    private static final Logger log = LoggerFactory.getLogger(LocalExecutor.class);

    private final GsvSettings settings;
    private final SchedulerLease lease;
    private final SlotPool slots;
    private final RunWatcher watcher;
    private final Dispatcher dispatcher;
    private final Recovery recovery;
    private final RunLauncher launcher;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicReference<String> expected = new AtomicReference<>();
    private volatile Thread loop;
    private volatile boolean holding;

    public LocalExecutor(GsvSettings settings, SchedulerLease lease, StepRunRepository runs, TaskRepository tasks,
                         RunLifecycle lifecycle, Pipeline pipeline, StepRegistry registry, RunLauncher launcher,
                         RunWatcher watcher) {
        this.settings = settings;
        this.lease = lease;
        this.slots = new SlotPool(GpuDiscovery.slots(settings.gpus()), settings.cpuSlots());
        this.watcher = watcher;
        this.launcher = launcher;
        this.dispatcher = new Dispatcher(runs, tasks, lifecycle, pipeline, registry, slots, launcher, watcher, this::wake);
        this.recovery = new Recovery(runs, watcher, slots);
        watcher.onExitCode(this::wake);
    }

    @Override
    public void wake() {
        wakeUp.release();
    }

    /** Passes the hint to the executor's own thread, which starts processes, and returns at once. */
    @Override
    public void expect(String step) {
        expected.set(step);
        wakeUp.release();
    }

    public boolean isHoldingLease() {
        return holding;
    }

    public SlotPool slots() {
        return slots;
    }

    @Override
    public void start() {
        log.info("executor {} with GPU slots {} and {} CPU slots", lease.holder(), slots.gpuIds(), slots.cpuSlots());
        launcher.prepare();
        loop = new Thread(this::runLoop, "executor");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        Thread thread = loop;
        loop = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        launcher.stop();
        watcher.stop();
        if (holding) {
            lease.release();
            holding = false;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    private void runLoop() {
        long tickMillis = settings.schedulerTick().toMillis();
        while (loop != null && !Thread.currentThread().isInterrupted()) {
            try {
                tick();
                wakeUp.tryAcquire(tickMillis, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("executor tick failed: {}", e.toString(), e);
                sleepQuietly(tickMillis);
            }
        }
    }

    void tick() {
        String step = expected.getAndSet(null); // a hint for this tick only: dropped where not held
        boolean held = lease.tryHold(settings.leaseTtl());
        if (held && !holding) {
            log.info("executor {} holds the scheduler lease", lease.holder());
            launcher.sweep();
            recovery.recover();
        }
        holding = held;
        if (!held) {
            return;
        }
        var freed = watcher.tick();
        freed.forEach(slots::release);
        // following runs can take long (a kill, a backlog of log lines): renew before starting any, so that
        // a lease that expired meanwhile, and another instance took, stops this one from scheduling too
        if (!lease.tryHold(settings.leaseTtl())) {
            holding = false;
            return;
        }
        // before dispatching: a run of the expected step started now takes the standby readied for it
        if (step != null) {
            launcher.expect(step);
        }
        dispatcher.tick();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
