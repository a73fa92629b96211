package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which backend and whisper.cpp model a run uses: its params, else the task config, else the settings. */
class AsrParamsTest {

    private static final Map<String, String> NO_SETTINGS = Map.of();

    @Test
    void withNothingSaidTheBackendIsUpstream() {
        assertThat(AsrParams.defaults().resolve(Map.of(), NO_SETTINGS).backend()).isEqualTo("upstream");
        assertThat(AsrParams.defaults().resolve(Map.of(), Map.of("asr_backend", "")).backend()).isEqualTo("upstream");
    }

    @Test
    void paramsWinOverTheTaskConfigWhichWinsOverTheSettings() {
        Map<String, String> settings = Map.of("asr_backend", "pocketsphinx");
        Map<String, Object> config = Map.of("asr_backend", "whisper_cpp");

        assertThat(AsrParams.defaults().resolve(Map.of(), settings).backend()).isEqualTo("pocketsphinx");
        assertThat(AsrParams.defaults().resolve(config, settings).backend()).isEqualTo("whisper_cpp");
        assertThat(new AsrParams("upstream", null, null, null, null).resolve(config, settings).backend())
                .isEqualTo("upstream");
    }

    @Test
    void whisperCppTakesTheConfiguredModelOrAFileBesideIt() {
        Map<String, String> settings = Map.of("whisper_model", "/models/whisper/ggml-large-v3.bin");
        AsrParams whisper = new AsrParams("whisper_cpp", null, null, null, null);

        assertThat(whisper.resolve(Map.of(), settings).model()).isEqualTo("/models/whisper/ggml-large-v3.bin");
        assertThat(new AsrParams("whisper_cpp", null, "ggml-medium.bin", null, null).resolve(Map.of(), settings).model())
                .isEqualTo("/models/whisper/ggml-medium.bin");
        assertThat(new AsrParams("whisper_cpp", null, "/elsewhere/ggml-base.bin", null, null).resolve(Map.of(), settings)
                .model()).isEqualTo("/elsewhere/ggml-base.bin");
        assertThat(whisper.resolve(Map.of(), NO_SETTINGS).model()).isNull();
    }

    @Test
    void theWhisperModelSettingLeavesOtherBackendsAlone() {
        Map<String, String> settings = Map.of("whisper_model", "/models/whisper/ggml-large-v3.bin");
        assertThat(new AsrParams("upstream", null, "large-v3", null, null).resolve(Map.of(), settings).model())
                .isEqualTo("large-v3");
        assertThat(AsrParams.defaults().resolve(Map.of(), settings).model()).isNull();
    }

    @Test
    void anUnknownBackendIsRefusedWhenTheParamsAreRead() {
        assertThatThrownBy(() -> new AsrParams("vosk", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upstream, whisper_cpp, pocketsphinx");
    }
}
