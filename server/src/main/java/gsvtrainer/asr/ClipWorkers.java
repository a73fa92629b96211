package gsvtrainer.asr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Transcribes clips one by one on a few threads, for backends that work per clip. */
final class ClipWorkers {

    /** The work for one clip. */
    interface PerClip {
        Transcription transcribe(Path clip) throws Exception;
    }

    private ClipWorkers() {
    }

    static List<Transcription> run(List<Path> clips, int threads, PerClip work, Consumer<Path> done)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, clips.size())));
        try {
            List<Future<Transcription>> futures = new ArrayList<>();
            for (Path clip : clips) {
                futures.add(pool.submit(() -> {
                    Transcription result = attempt(clip, work);
                    done.accept(clip);
                    return result;
                }));
            }
            List<Transcription> results = new ArrayList<>();
            for (Future<Transcription> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("transcription worker crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Transcription attempt(Path clip, PerClip work) {
        try {
            return work.transcribe(clip);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Transcription.failed(clip, "interrupted");
        } catch (Exception e) {
            return Transcription.failed(clip, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
