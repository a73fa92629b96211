package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Fields of upstream's base training config to change, by dotted path ({@code "train.learning_rate": 5e-5},
 * {@code "model.n_layer": 12}): what webui users do by editing {@code GPT_SoVITS/configs/s2.json} or
 * {@code s1longer*.yaml} by hand, per task instead of for the whole checkout. Only fields the base config
 * has can be set (a typo fails instead of being ignored), and never those the service sets itself
 * (paths, epochs, batch size, precision: they have params of their own).
 */
public record ConfigOverrides(Map<String, Object> values) {

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    public static final ConfigOverrides NONE = new ConfigOverrides(Map.of());

    public ConfigOverrides {
        TreeMap<String, Object> copy = new TreeMap<>();
        (values == null ? Map.<String, Object>of() : values).forEach((path, value) -> {
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("overrides: '" + path + "' is not a dotted config path like train.learning_rate");
            }
            if (!isValue(value)) {
                throw new IllegalArgumentException("overrides: " + path + " must be a number, string, boolean or list of them");
            }
            copy.put(path, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** Rejects paths the service sets itself, naming the param to use instead. */
    ConfigOverrides refusing(Map<String, String> managed) {
        for (String path : values.keySet()) {
            if (managed.containsKey(path)) {
                throw new IllegalArgumentException("overrides: " + path + " is set by the service; " + managed.get(path));
            }
        }
        return this;
    }

    /** Sets every value in {@code config}, read from {@code source}; a path the config does not have fails. */
    @SuppressWarnings("unchecked")
    void applyTo(Map<String, Object> config, String source) throws StepFailure {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String[] parts = entry.getKey().split("\\.");
            Map<String, Object> section = config;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(section.get(parts[i]) instanceof Map<?, ?> child)) {
                    throw unknown(entry.getKey(), source);
                }
                section = (Map<String, Object>) child;
            }
            String leaf = parts[parts.length - 1];
            if (!section.containsKey(leaf) || section.get(leaf) instanceof Map<?, ?>) {
                throw unknown(entry.getKey(), source);
            }
            section.put(leaf, entry.getValue());
        }
    }

    private static StepFailure unknown(String path, String source) {
        return new StepFailure("invalid_config", "overrides: " + source + " has no field " + path);
    }

    /** A scalar, or a list of values (upstream has lists of lists, e.g. {@code model.resblock_dilation_sizes}). */
    private static boolean isValue(Object value) {
        return value instanceof Number || value instanceof String || value instanceof Boolean
                || value instanceof List<?> list && list.stream().allMatch(ConfigOverrides::isValue);
    }

    /** Paths of {@code s2*.json} the SoVITS step sets, with the param that sets each. */
    static final Map<String, String> SOVITS_MANAGED = managed(Map.of(
            "train.batch_size", "use batch_size", "train.epochs", "use total_epoch", "train.text_low_lr_rate",
            "use text_low_lr_rate", "train.save_every_epoch", "use save_every_epoch", "train.if_save_latest",
            "use if_save_latest", "train.if_save_every_weights", "use if_save_every_weights", "train.lora_rank",
            "use lora_rank", "train.grad_ckpt", "use if_grad_ckpt", "train.fp16_run", "use is_half",
            "train.gpu_numbers", "use gpu_id"), Set.of("train.pretrained_s2G", "train.pretrained_s2D", "model.version",
            "data.exp_dir", "s2_ckpt_dir", "save_weight_dir", "name", "version"));

    /** Paths of {@code s1longer*.yaml} the GPT step sets, with the param that sets each. */
    static final Map<String, String> GPT_MANAGED = managed(Map.of(
            "train.batch_size", "use batch_size", "train.epochs", "use total_epoch", "train.save_every_n_epoch",
            "use save_every_epoch", "train.if_save_every_weights", "use if_save_every_weights", "train.if_save_latest",
            "use if_save_latest", "train.if_dpo", "use if_dpo", "train.precision", "use is_half"),
            Set.of("train.half_weights_save_dir", "train.exp_name", "pretrained_s1", "train_semantic_path",
                    "train_phoneme_path", "output_dir"));

    private static Map<String, String> managed(Map<String, String> byParam, Set<String> paths) {
        Map<String, String> all = new TreeMap<>(byParam);
        paths.forEach(p -> all.put(p, "the service points it at the task's own files and models"));
        return Collections.unmodifiableMap(all);
    }
}
