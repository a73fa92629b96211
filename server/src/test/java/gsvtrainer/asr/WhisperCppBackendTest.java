package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import io.github.givimad.whisperjni.WhisperJNI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper.cpp through whisper-jni: its natives load here; without a ggml model (no registry carries
 * one) the backend fails as unavailable, naming what is missing, and writes nothing.
 */
class WhisperCppBackendTest {

    @TempDir
    Path root;

    @Test
    void theNativeLibraryLoadsOnThisPlatform() {
        assertThatCode(WhisperJNI::loadLibrary).doesNotThrowAnyException();
    }

    @Test
    void withoutAModelTheBackendIsUnavailable() throws Exception {
        TestStepContext context = new TestStepContext(root).config("language", "en");
        Files.createDirectories(context.workspace().sliced());
        Files.copy(AudioFixtures.file("en_4.wav"), context.workspace().sliced().resolve("en_4.wav"));

        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, new AsrParams("whisper_cpp", null, null, null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("backend_unavailable");
                    assertThat(f.getMessage()).contains("ggml model");
                });
        AsrParams missing = new AsrParams("whisper_cpp", null, root.resolve("ggml-base.bin").toString(), null, null);
        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, missing))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("backend_unavailable");
                    assertThat(f.getMessage()).contains("ggml-base.bin");
                });
        assertThat(context.workspace().transcript()).doesNotExist();
    }
}
