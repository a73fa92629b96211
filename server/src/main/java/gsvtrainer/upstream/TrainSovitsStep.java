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
 * SoVITS training ({@code s2_train.py}, or the LoRA trainer for v3/v4) on the task's features. Upstream
 * resumes from the newest {@code G_*.pth}/{@code D_*.pth} in {@code exp/logs_s2_<version>}, and its
 * epoch count is a total target, so a re-run after a cancel, or with more epochs, continues.
 */
public final class TrainSovitsStep implements StepAction<TrainSovitsParams> {

    @Override
    public String name() {
        return Pipeline.TRAIN_SOVITS;
    }

    @Override
    public void run(StepContext context, TrainSovitsParams params) throws Exception {
        TrainSovitsParams p = params == null ? TrainSovitsParams.defaults() : params;
        TrainingStart start = TrainingStart.check(context, name());
        VersionProfile version = start.version();
        UpstreamCheckout checkout = start.checkout();
        Path exp = start.experiment();
        Outputs.requireExists(exp.resolve(PartMerge.TEXT), Pipeline.EXTRACT_TEXT_FEATURES);
        Outputs.requireExists(exp.resolve("4-cnhubert"), Pipeline.EXTRACT_AUDIO_FEATURES);
        Outputs.requireExists(exp.resolve("5-wav32k"), Pipeline.EXTRACT_AUDIO_FEATURES);
        if (version.hasSpeakerVectors()) {
            Outputs.requireExists(exp.resolve("7-sv_cn"), Pipeline.EXTRACT_SPEAKER_VECTORS);
        }
        Path checkpoints = exp.resolve("logs_s2_" + version.name());
        if (context.force()) {
            Outputs.delete(checkpoints);
        }
        TaskWorkspace.ensure(checkpoints);
        Path weights = TaskWorkspace.ensure(context.workspace().sovitsWeights());
        boolean half = Precision.isHalf(context, p.isHalf());
        String gpuNumbers = Precision.realGpus(context) ? String.join("-", context.gpus()) : "";
        SovitsConfig config = SovitsConfig.of(p, context.taskConfig(), version, gpuNumbers, half);
        Path configFile = context.runDir().resolve("s2.json");
        config.write(checkout, version, TaskNames.expName(context), exp, weights, configFile);
        context.reporter().log("info", "SoVITS " + version.name() + ": " + config.epochs() + " epochs, batch "
                + config.batchSize() + ", " + (half ? "half" : "full") + " precision, config runs/"
                + context.runDir().getFileName() + "/s2.json");

        SovitsProgress[] progress = new SovitsProgress[1];
        WeightArtifacts artifacts = new WeightArtifacts(weights, "sovits_weight", WeightArtifacts.SOVITS,
                context.reporter(), () -> progress[0].latest());
        progress[0] = new SovitsProgress(context.reporter(), config.epochs(), () -> scan(artifacts));
        // closing the guard reports the weights saved, however training ended
        try (WeightArtifacts.Guard guard = artifacts.reportOnShutdown()) {
            TrainingProcess.run(context, checkout, version.s2Trainer(), List.of("--config", configFile.toString()),
                    Map.of("version", version.name()), progress[0]);
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
