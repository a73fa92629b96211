package gsvtrainer.steprun.exec;

import gsvtrainer.audio.DenoiseAudioParams;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;

/** A test step (named as denoise_audio, for its params) that starts a process and leaves it running. */
public final class LeftChildStep implements StepAction<DenoiseAudioParams> {

    @Override
    public String name() {
        return "denoise_audio";
    }

    @Override
    public void run(StepContext context, DenoiseAudioParams params) throws Exception {
        new ProcessBuilder("sleep", "60").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        context.reporter().log("info", "left a process behind");
    }
}
