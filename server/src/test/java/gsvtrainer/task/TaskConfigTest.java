package gsvtrainer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskConfigTest {

    @Test
    void theOldServicesDefaultsAreFilledIn() {
        assertThat(TaskConfig.withDefaults(Map.of())).containsEntry("exp_name", "my_speaker").containsEntry("language", "zh")
                .containsEntry("batch_size", 16).containsEntry("epochs_s2", 50).containsEntry("epochs_s1", 15)
                .containsEntry("gpu_id", "0").containsEntry("version", "v2ProPlus").doesNotContainKey("asr_backend");
    }

    @Test
    void anAsrBackendMustBeOneTheServiceHas() {
        assertThat(TaskConfig.withDefaults(Map.of("asr_backend", "pocketsphinx"))).containsEntry("asr_backend", "pocketsphinx");
        assertThatThrownBy(() -> TaskConfig.withDefaults(Map.of("asr_backend", "vosk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asr_backend must be one of [upstream, whisper_cpp, pocketsphinx]");
    }
}
