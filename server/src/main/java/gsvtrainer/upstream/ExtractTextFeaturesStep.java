package gsvtrainer.upstream;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code 1-get-text.py}: phonemes ({@code 2-name2text.txt}) and BERT features ({@code 3-bert/}). */
public final class ExtractTextFeaturesStep extends FeatureStep {

    @Override
    public String name() {
        return Pipeline.EXTRACT_TEXT_FEATURES;
    }

    @Override
    Map<String, String> env(UpstreamCheckout checkout, VersionProfile version) {
        return Map.of("bert_pretrained_dir", checkout.pretrained(VersionProfile.BERT_DIR).toString());
    }

    @Override
    void clearOutputs(Path exp) throws IOException {
        Outputs.delete(exp.resolve(PartMerge.TEXT), exp.resolve("3-bert"));
    }

    @Override
    void merge(Path exp, int parts) throws IOException, StepFailure {
        PartMerge.mergeText(exp, parts);
    }

    @Override
    String progressFolder() {
        return null;
    }
}
