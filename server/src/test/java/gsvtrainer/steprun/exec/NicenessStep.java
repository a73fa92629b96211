package gsvtrainer.steprun.exec;

import gsvtrainer.audio.DenoiseAudioParams;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.process.ThreadPriority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test step (named as denoise_audio, for its params) that logs the niceness its threads and its
 * session group run at.
 */
public final class NicenessStep implements StepAction<DenoiseAudioParams> {

    @Override
    public String name() {
        return "denoise_audio";
    }

    @Override
    public void run(StepContext context, DenoiseAudioParams params) throws Exception {
        AtomicInteger worker = new AtomicInteger(Integer.MIN_VALUE);
        Thread thread = new Thread(() -> worker.set(ThreadPriority.ofCurrentThread().orElse(Integer.MIN_VALUE)));
        thread.start();
        thread.join();
        Path group = Path.of("/proc/self/autogroup");
        context.reporter().log("info", "niceness " + ThreadPriority.ofCurrentThread().orElse(Integer.MIN_VALUE)
                + ", worker niceness " + worker.get()
                + ", session group " + (Files.isReadable(group) ? Files.readString(group).strip() : "none"));
    }
}
