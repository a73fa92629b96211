package gsvtrainer.steprun.exec;

import gsvtrainer.audio.DenoiseAudioParams;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test step (named as denoise_audio, for its params) that ends once its workspace holds a file named {@code go}. */
public final class AwaitFileStep implements StepAction<DenoiseAudioParams> {

    @Override
    public String name() {
        return "denoise_audio";
    }

    @Override
    public void run(StepContext context, DenoiseAudioParams params) throws Exception {
        Path go = context.workspace().root().resolve("go");
        for (int i = 0; i < 3000 && !Files.exists(go); i++) {
            Thread.sleep(10);
        }
        context.reporter().log("info", "saw " + go.getFileName());
    }
}
