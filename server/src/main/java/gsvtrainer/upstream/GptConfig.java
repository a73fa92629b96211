package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The per-task GPT config: the version's base {@code s1longer*.yaml} with the fields webui's
 * {@code open1Bb} overrides, pointed at the task's features, checkpoints and weight folder.
 */
record GptConfig(int batchSize, int epochs, int saveEveryEpoch, boolean dpo, boolean saveLatest,
                 boolean saveEveryWeights, boolean half, ConfigOverrides overrides) {

    static GptConfig of(TrainGptParams p, Map<String, Object> task, boolean half) {
        int batch = p.batchSize() != null ? p.batchSize() : TaskNumbers.get(task, "batch_size", 16);
        return new GptConfig(
                half ? batch : Math.max(1, batch / 2),
                p.totalEpoch() != null ? p.totalEpoch() : TaskNumbers.get(task, "epochs_s1", 15),
                p.saveEveryEpoch() != null ? p.saveEveryEpoch() : 5,
                p.ifDpo() != null && p.ifDpo(),
                p.ifSaveLatest() == null || p.ifSaveLatest(),
                p.ifSaveEveryWeights() == null || p.ifSaveEveryWeights(),
                half,
                p.configOverrides());
    }

    /** The folder of Lightning's checkpoints, which s1_train.py resumes from. */
    static Path outputDir(Path exp, VersionProfile version) {
        return exp.resolve("logs_s1_" + version.name());
    }

    @SuppressWarnings("unchecked")
    void write(UpstreamCheckout checkout, VersionProfile version, String expName, Path exp, Path weights, Path target)
            throws IOException, StepFailure {
        Map<String, Object> data;
        try (Reader in = Files.newBufferedReader(checkout.resolve(version.s1Config()))) {
            data = new Yaml().load(in);
        }
        overrides.applyTo(data, version.s1Config());
        Map<String, Object> train = (Map<String, Object>) data.get("train");
        if (!half) {
            train.put("precision", "32");
        }
        train.put("batch_size", batchSize);
        train.put("epochs", epochs);
        train.put("save_every_n_epoch", saveEveryEpoch);
        train.put("if_save_every_weights", saveEveryWeights);
        train.put("if_save_latest", saveLatest);
        train.put("if_dpo", dpo);
        train.put("half_weights_save_dir", weights.toString());
        train.put("exp_name", expName);
        data.put("pretrained_s1", checkout.pretrained(version.pretrainedS1()).toString());
        data.put("train_semantic_path", exp.resolve(PartMerge.SEMANTIC).toString());
        data.put("train_phoneme_path", exp.resolve(PartMerge.TEXT).toString());
        data.put("output_dir", outputDir(exp, version).toString());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.createDirectories(target.getParent());
        Files.writeString(target, new Yaml(options).dump(data));
    }
}
