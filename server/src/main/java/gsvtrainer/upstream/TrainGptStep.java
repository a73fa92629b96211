package gsvtrainer.upstream;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GPT training ({@code s1_train.py}, PyTorch Lightning) on the task's text and semantic features.
 * Lightning resumes from the newest checkpoint in {@code exp/logs_s1_<version>/ckpt}.
 */
public final class TrainGptStep implements StepAction<TrainGptParams> {

    @Override
    public String name() {
        return Pipeline.TRAIN_GPT;
    }

    @Override
    public void run(StepContext context, TrainGptParams params) throws Exception {
        TrainGptParams p = params == null ? TrainGptParams.defaults() : params;
        TrainingStart start = TrainingStart.check(context, name());
        VersionProfile version = start.version();
        UpstreamCheckout checkout = start.checkout();
        Path exp = start.experiment();
        Outputs.requireExists(exp.resolve(PartMerge.TEXT), Pipeline.EXTRACT_TEXT_FEATURES);
        Outputs.requireExists(exp.resolve(PartMerge.SEMANTIC), Pipeline.EXTRACT_SEMANTIC_FEATURES);
        GptDataset dataset = GptDataset.read(exp);
        dataset.requireUsable();
        if (!dataset.dropped().isEmpty()) {
            context.reporter().log("warn", "upstream's GPT trainer drops " + dataset.dropped().size() + " clip(s): "
                    + String.join("; ", dataset.dropped()));
        }
        Path checkpoints = GptConfig.outputDir(exp, version);
        if (context.force()) {
            Outputs.delete(checkpoints);
        }
        Path weights = TaskWorkspace.ensure(context.workspace().gptWeights());
        boolean half = Precision.isHalf(context, p.isHalf());
        GptConfig config = GptConfig.of(p, context.taskConfig(), half);
        Path configFile = context.runDir().resolve("s1.yaml");
        config.write(checkout, version, TaskNames.expName(context), exp, weights, configFile);
        context.reporter().log("info", "GPT " + version.name() + ": " + config.epochs() + " epochs, batch "
                + config.batchSize() + ", " + (half ? "half" : "full") + " precision, config runs/"
                + context.runDir().getFileName() + "/s1.yaml");

        GptProgress[] progress = new GptProgress[1];
        WeightArtifacts artifacts = new WeightArtifacts(weights, "gpt_weight", WeightArtifacts.GPT,
                context.reporter(), () -> progress[0].latest());
        progress[0] = new GptProgress(context.reporter(), config.epochs(), () -> scan(artifacts));
        String device = Precision.realGpus(context) ? String.join(",", context.gpus()) : "";
        // closing the guard reports the weights saved, however training ended
        try (WeightArtifacts.Guard guard = artifacts.reportOnShutdown()) {
            TrainingProcess.run(context, checkout, "GPT_SoVITS/s1_train.py", List.of("--config_file", configFile.toString()),
                    Map.of("_CUDA_VISIBLE_DEVICES", device, "hz", "25hz", "version", version.name()), progress[0]);
        }
    }

    private static void scan(WeightArtifacts artifacts) {
        try {
            artifacts.scan();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
