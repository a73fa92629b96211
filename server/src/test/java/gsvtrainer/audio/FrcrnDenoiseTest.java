package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.testsupport.TestAudio;
import gsvtrainer.upstream.StandinServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** denoise_audio with backend=frcrn runs upstream's tools/cmd-denoise.py (the stand-in's) as webui does. */
class FrcrnDenoiseTest extends StandinServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void denoisesThroughUpstreamsScriptNamesFailuresAndRedoesOnlyWhatIsMissing() throws Exception {
        String task = createTask("frcrn", "v2", "0", Map.of());
        givenSucceeded(task, "slice_audio");
        for (int i = 0; i < 3; i++) {
            writeBytes(workspace(task).resolve("sliced/clip_0" + i + ".wav"), TestAudio.toneWav(4, 32000));
        }
        behave(task, Map.of("cmd-denoise", Map.of("fail_files", List.of("clip_02.wav"))));

        StepRun first = awaitStatus(runStep(task, "denoise_audio", Map.of("backend", "frcrn")), RunStatus.SUCCEEDED, TIMEOUT);

        Path denoised = workspace(task).resolve("denoised");
        assertThat(Files.exists(denoised.resolve("clip_02.wav"))).isFalse();
        var format = AudioSystem.getAudioFileFormat(denoised.resolve("clip_00.wav").toFile()).getFormat();
        assertThat(format.getSampleRate()).as("FRCRN's output rate, as webui leaves it").isEqualTo(16000f);
        assertThat(events(task, "log").stream().map(e -> String.valueOf(((Map<String, Object>) e.get("data")).get("line"))))
                .anyMatch(m -> m.contains("could not denoise clip_02.wav"));
        Map<String, Object> call = calls(task, "cmd-denoise").get(0);
        assertThat((List<String>) call.get("argv")).contains("-p", "float32");
        assertThat((String) call.get("cwd")).isEqualTo(standin().toString());
        assertThat((List<String>) call.get("inputs")).containsExactly("clip_00.wav", "clip_01.wav", "clip_02.wav");
        assertThat(first.error()).isNull();

        behave(task, Map.of());
        awaitStatus(runStep(task, "denoise_audio", Map.of("backend", "frcrn")), RunStatus.SUCCEEDED, TIMEOUT);

        assertThat((List<String>) calls(task, "cmd-denoise").get(1).get("inputs")).containsExactly("clip_02.wav");
        assertThat(Files.exists(denoised.resolve("clip_02.wav"))).isTrue();
    }

    @Test
    void withoutTheModelFolderTheBackendRefusesNamingIt() throws Exception {
        Files.createDirectories(temp.resolve("tools"));
        Files.writeString(temp.resolve("tools/cmd-denoise.py"), "");

        assertThatThrownBy(() -> FrcrnDenoiser.create(Map.of("upstream_dir", temp.toString(), "upstream_python", "python3")))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("the FRCRN model folder " + temp.resolve("tools/denoise-model/speech_frcrn_ans_cirm_16k"))
                .extracting(e -> ((StepFailure) e).code()).isEqualTo("backend_unavailable");
    }
}
