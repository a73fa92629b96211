package gsvtrainer.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one job per input file on a few threads. A job's exception is that file's failure, recorded
 * with a reason; it never stops the other files.
 */
final class ParallelJobs {

    /** The work for one file. */
    interface Job<R> {
        R run(Path input) throws Exception;
    }

    /** What happened to one input: a result, or a failure code and message. */
    record Outcome<R>(Path input, R result, String failureCode, String failureMessage) {

        boolean failed() {
            return failureCode != null;
        }
    }

    private ParallelJobs() {
    }

    /** The threads each job may use inside when {@code jobs} jobs share {@code threads}: the cores left idle otherwise. */
    static int threadsPerJob(int threads, int jobs) {
        return Math.max(1, threads / Math.max(1, Math.min(threads, jobs)));
    }

    /** Runs the jobs; {@code onDone} is called (from the worker thread) as each finishes. */
    static <R> List<Outcome<R>> run(List<Path> inputs, int threads, Job<R> job, Consumer<Outcome<R>> onDone)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, inputs.size())));
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>();
            for (Path input : inputs) {
                futures.add(pool.submit(() -> {
                    Outcome<R> outcome = attempt(input, job);
                    onDone.accept(outcome);
                    return outcome;
                }));
            }
            List<Outcome<R>> outcomes = new ArrayList<>();
            for (Future<Outcome<R>> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("audio job crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> Outcome<R> attempt(Path input, Job<R> job) {
        try {
            return new Outcome<>(input, job.run(input), null, null);
        } catch (BadAudioException e) {
            return new Outcome<>(input, null, e.reason().code(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(input, null, "interrupted", input.getFileName() + ": interrupted");
        } catch (Exception e) {
            // a file exception's message is its path: the server's, which reports and logs do not show
            String message = e.getMessage() == null ? "" : ": " + e.getMessage()
                    .replace(input.toAbsolutePath().toString(), input.getFileName().toString())
                    .replace(input.toString(), input.getFileName().toString());
            return new Outcome<>(input, null, "error", input.getFileName() + ": " + e.getClass().getSimpleName() + message);
        }
    }
}
