package gsvtrainer.upstream;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** {@code 3-get-semantic.py}: semantic tokens ({@code 6-name2semantic.tsv}) from the SSL features. */
public final class ExtractSemanticFeaturesStep extends FeatureStep {

    @Override
    public String name() {
        return Pipeline.EXTRACT_SEMANTIC_FEATURES;
    }

    @Override
    Map<String, String> env(UpstreamCheckout checkout, VersionProfile version) {
        return Map.of("pretrained_s2G", checkout.pretrained(version.pretrainedS2G()).toString(),
                "s2config_path", checkout.resolve(version.s2Config()).toString());
    }

    @Override
    void clearOutputs(Path exp) throws IOException {
        Outputs.delete(exp.resolve(PartMerge.SEMANTIC));
    }

    @Override
    void merge(Path exp, int parts) throws IOException, StepFailure {
        PartMerge.mergeSemantic(exp, parts);
    }

    @Override
    String progressFolder() {
        return null;
    }
}
