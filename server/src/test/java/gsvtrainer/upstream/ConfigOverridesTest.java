package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overrides change fields the base config has, and only those the service does not set itself. */
class ConfigOverridesTest {

    private static Map<String, Object> base() {
        Map<String, Object> train = new LinkedHashMap<>(Map.of("learning_rate", 1e-4, "betas", List.of(0.8, 0.99)));
        Map<String, Object> model = new LinkedHashMap<>(Map.of("n_layer", 24));
        return new LinkedHashMap<>(Map.of("train", train, "model", model, "content_module", "cnhubert"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void setsNestedAndTopLevelFields() throws StepFailure {
        Map<String, Object> config = base();

        new ConfigOverrides(Map.of("train.learning_rate", 5e-5, "model.n_layer", 2, "train.betas", List.of(List.of(0.5), 0.9),
                "content_module", "other")).applyTo(config, "s2.json");

        assertThat((Map<String, Object>) config.get("train")).containsEntry("learning_rate", 5e-5)
                .containsEntry("betas", List.of(List.of(0.5), 0.9));
        assertThat((Map<String, Object>) config.get("model")).containsEntry("n_layer", 2);
        assertThat(config).containsEntry("content_module", "other");
    }

    @Test
    void aFieldTheBaseConfigLacksFailsNamingIt() {
        for (String path : List.of("model.n_layers", "nosuch.field", "train", "train.learning_rate.x")) {
            assertThatThrownBy(() -> new ConfigOverrides(Map.of(path, 1)).applyTo(base(), "s1longer.yaml"))
                    .isInstanceOf(StepFailure.class).hasMessageContaining("s1longer.yaml has no field " + path)
                    .extracting(e -> ((StepFailure) e).code()).isEqualTo("invalid_config");
        }
    }

    @Test
    void badPathsValuesAndManagedFieldsAreRefusedUpFront() {
        assertThatThrownBy(() -> new ConfigOverrides(Map.of("../x", 1))).hasMessageContaining("not a dotted config path");
        assertThatThrownBy(() -> new ConfigOverrides(Map.of("train.x", Map.of("a", 1)))).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> new TrainSovitsParams(null, null, null, null, null, null, null, null, null, null,
                Map.of("train.epochs", 3))).hasMessageContaining("train.epochs is set by the service; use total_epoch");
        assertThatThrownBy(() -> new TrainGptParams(null, null, null, null, null, null, null, null,
                Map.of("pretrained_s1", "/x.ckpt"))).hasMessageContaining("pretrained_s1 is set by the service");
    }
}
