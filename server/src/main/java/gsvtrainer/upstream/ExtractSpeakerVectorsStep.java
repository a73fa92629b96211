package gsvtrainer.upstream;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code 2-get-sv.py} (Pro versions): speaker vectors ({@code 7-sv_cn/}) from the 32 kHz clips. */
public final class ExtractSpeakerVectorsStep extends FeatureStep {

    @Override
    public String name() {
        return Pipeline.EXTRACT_SPEAKER_VECTORS;
    }

    @Override
    Map<String, String> env(UpstreamCheckout checkout, VersionProfile version) {
        return Map.of("cnhubert_base_dir", checkout.pretrained(VersionProfile.HUBERT_DIR).toString(),
                "sv_path", checkout.pretrained(version.speakerVector()).toString());
    }

    @Override
    void clearOutputs(Path exp) throws IOException {
        Outputs.delete(exp.resolve("7-sv_cn"));
    }

    @Override
    void merge(Path exp, int parts) throws StepFailure {
        Outputs.requireFiles(exp.resolve("7-sv_cn"), "no clip yielded a speaker vector");
    }

    @Override
    String progressFolder() {
        return "7-sv_cn";
    }
}
