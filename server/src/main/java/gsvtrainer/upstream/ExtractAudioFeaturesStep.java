package gsvtrainer.upstream;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code 2-get-hubert-wav32k.py}: SSL features ({@code 4-cnhubert/}) and 32 kHz clips ({@code 5-wav32k/}). */
public final class ExtractAudioFeaturesStep extends FeatureStep {

    @Override
    public String name() {
        return Pipeline.EXTRACT_AUDIO_FEATURES;
    }

    @Override
    Map<String, String> env(UpstreamCheckout checkout, VersionProfile version) {
        return Map.of("cnhubert_base_dir", checkout.pretrained(VersionProfile.HUBERT_DIR).toString());
    }

    @Override
    void clearOutputs(Path exp) throws IOException {
        Outputs.delete(exp.resolve("4-cnhubert"), exp.resolve("5-wav32k"));
    }

    @Override
    void merge(Path exp, int parts) throws StepFailure {
        Outputs.requireFiles(exp.resolve("4-cnhubert"), "no clip yielded SSL features (all filtered or unreadable)");
    }

    @Override
    String progressFolder() {
        return "4-cnhubert";
    }
}
