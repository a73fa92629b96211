package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenoiseAudioStepTest {

    @TempDir
    Path root;

    private RecordingContext context;

    @BeforeEach
    void slicedClips() throws Exception {
        context = new RecordingContext(root);
        Path sliced = Files.createDirectories(context.workspace().sliced());
        Files.copy(Fixtures.file("noisy.wav"), sliced.resolve("noisy_0000000000_0000072000.wav"));
        Files.copy(Fixtures.file("en_1.wav"), sliced.resolve("en_1_0000000000_0000041000.wav"));
    }

    @Test
    void denoisesEveryClipKeepingNameAndLength() throws Exception {
        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());

        Path out = context.workspace().denoised().resolve("noisy_0000000000_0000072000.wav");
        MonoAudio noisy = Fixtures.wav("noisy.wav");
        MonoAudio denoised = WavReader.readAll(out);
        assertThat(denoised.samples()).hasSameSizeAs(noisy.samples());
        assertThat(SnrEstimator.estimateDb(denoised)).isGreaterThan(SnrEstimator.estimateDb(noisy) + 6);
        assertThat(AudioFiles.list(context.workspace().denoised(), ".wav")).hasSize(2);
        assertThat(context.workspace().clipsForAsr()).isEqualTo(context.workspace().denoised());
        assertThat(context.progress).last().satisfies(p -> assertThat(p.detail()).containsEntry("files_done", 2L));
    }

    @Test
    void aClipSlicedAgainAfterItWasDenoisedIsDenoisedAgainWithoutForce() throws Exception {
        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());
        Path sliced = context.workspace().sliced().resolve("en_1_0000000000_0000041000.wav");
        Path denoised = context.workspace().denoised().resolve(sliced.getFileName());
        Path untouched = context.workspace().denoised().resolve("noisy_0000000000_0000072000.wav");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(untouched);
        // slice_audio wrote this clip again after it was denoised: its denoised version is the older
        Files.setLastModifiedTime(denoised, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(sliced).toMillis() - 5000));
        assertThat(context.workspace().clipsForAsr()).isEqualTo(context.workspace().sliced());

        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());

        assertThat(Files.getLastModifiedTime(denoised)).isGreaterThanOrEqualTo(Files.getLastModifiedTime(sliced));
        assertThat(Files.getLastModifiedTime(untouched)).isEqualTo(before);
        assertThat(context.workspace().clipsForAsr()).isEqualTo(context.workspace().denoised());
        assertThat(context.messages("info")).last().asString().contains("denoised 1 clips (1 already done");
    }

    @Test
    void otherParamsDenoiseEveryClipAgainWithoutForce() throws Exception {
        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());
        Path denoised = context.workspace().denoised().resolve("noisy_0000000000_0000072000.wav");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(denoised).toMillis() + 60_000);
        Files.setLastModifiedTime(denoised, old);

        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());
        assertThat(Files.getLastModifiedTime(denoised)).as("same params: done already").isEqualTo(old);

        new DenoiseAudioStep().run(context, new DenoiseAudioParams(null, null, 30.0));
        assertThat(Files.getLastModifiedTime(denoised)).as("another reduction: done again").isNotEqualTo(old);
        assertThat(context.messages("info")).last().asString().contains("denoised 2 clips (0 already done");
    }

    @Test
    void skipDoesNothingButClearEarlierDenoisedClips() throws Exception {
        new DenoiseAudioStep().run(context, DenoiseAudioParams.defaults());

        new DenoiseAudioStep().run(context, new DenoiseAudioParams(null, true, null));

        assertThat(AudioFiles.list(context.workspace().denoised(), ".wav")).isEmpty();
        assertThat(context.workspace().clipsForAsr()).isEqualTo(context.workspace().sliced());
        assertThat(context.messages("info")).last().asString().contains("skipped");
    }

    @Test
    void theFrcrnBackendWithoutACheckoutIsUnavailableAndSaysWhatToUseInstead() {
        assertThatThrownBy(() -> new DenoiseAudioStep().run(context, new DenoiseAudioParams("frcrn", null, null)))
                .isInstanceOfSatisfying(StepFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("backend_unavailable");
                    assertThat(e.getMessage()).contains("tools/cmd-denoise.py").contains("spectral");
                });
    }
}
