package gsvtrainer.steprun.exec;

import gsvtrainer.pipeline.StepAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rehearsals of a process started ahead of its run: each step it is told to {@linkplain #expect
 * expect} is {@linkplain StepAction#rehearse(Path) rehearsed} once, in a scratch folder removed after,
 * one at a time; a newly expected step ends the rehearsal of another under way. {@link #stop()} ends
 * them all, when the run arrives.
 */
final class Rehearsals {

    private final Set<String> done = new HashSet<>();
    private String expected;
    private Thread rehearsing;
    private String rehearsingStep;
    private boolean stopped;

    /** Rehearses {@code step} next, instead of the rest of a rehearsal of another under way. */
    synchronized void expect(String step) {
        if (step.equals(rehearsingStep) || done.contains(step)) {
            return;
        }
        expected = step;
        if (rehearsing != null) {
            rehearsing.interrupt();
        }
        notifyAll();
    }

    /** Ends a rehearsal under way, and any to come. */
    synchronized void stop() {
        stopped = true;
        if (rehearsing != null) {
            rehearsing.interrupt();
        }
        notifyAll();
    }

    /** Rehearses each expected step of {@code actions} in {@code scratch}, on the calling thread, until stopped. */
    void run(List<StepAction<?>> actions, Path scratch) {
        while (true) {
            String step;
            synchronized (this) {
                while (!stopped && expected == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                step = expected;
                expected = null;
            }
            actions.stream().filter(a -> a.name().equals(step)).findFirst().ifPresent(a -> rehearse(a, scratch));
        }
    }

    private void rehearse(StepAction<?> action, Path scratch) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            rehearsing = Thread.currentThread();
            rehearsingStep = action.name();
        }
        try {
            Files.createDirectories(scratch);
            action.rehearse(scratch);
            synchronized (this) {
                if (!Thread.currentThread().isInterrupted()) {
                    done.add(action.name());
                }
            }
        } catch (Exception | LinkageError e) {
            // a rehearsal only saves the run time; the run itself meets any real cause again
        } finally {
            synchronized (this) {
                rehearsing = null;
                rehearsingStep = null;
                Thread.interrupted();
            }
            delete(scratch);
        }
    }

    /** Deletes a folder and all in it; what cannot be deleted goes with the standby's folder later. */
    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the standby's folder, scratch included, is removed when the standby ends
        }
    }
}
