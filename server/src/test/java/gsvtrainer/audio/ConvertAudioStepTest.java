package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertAudioStepTest {

    @TempDir
    Path root;

    private RecordingContext upload(String... fixtures) throws Exception {
        RecordingContext context = new RecordingContext(root);
        Files.createDirectories(context.workspace().uploads());
        for (String fixture : fixtures) {
            Path source = Fixtures.file(fixture);
            Files.copy(source, context.workspace().uploads().resolve(source.getFileName()));
        }
        return context;
    }

    @Test
    void convertsTheGoodFilesAndReportsTheBrokenOnes() throws Exception {
        RecordingContext context = upload("formats/mp3_44100_stereo.mp3", "formats/opus_48000_stereo.opus", "en_1.wav",
                "broken/empty.wav", "broken/text.wav", "broken/truncated.mp3", "broken/lying_header.wav");

        new ConvertAudioStep().run(context, ConvertAudioParams.defaults());

        Path converted = context.workspace().converted();
        assertThat(AudioFiles.list(converted, ".wav")).extracting(p -> p.getFileName().toString())
                .containsExactly("en_1.wav", "mp3_44100_stereo.wav", "opus_48000_stereo.wav");
        try (WavReader wav = new WavReader(converted.resolve("en_1.wav"))) {
            assertThat(wav.sampleRate()).isEqualTo(32000);
        }
        assertThat(SquareSumsFile.beside(converted.resolve("mp3_44100_stereo.wav"))).isRegularFile();
        assertThat(context.messages("warn")).hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("empty.wav").contains("empty"))
                .anySatisfy(m -> assertThat(m).contains("text.wav").contains("not a readable audio file"))
                .anySatisfy(m -> assertThat(m).contains("truncated.mp3").contains("truncated"))
                .anySatisfy(m -> assertThat(m).contains("lying_header.wav").contains("truncated"));
        Map<?, ?> report = JsonFiles.read(converted.resolve("_report.json"), Map.class).orElseThrow();
        assertThat((List<?>) report.get("converted")).hasSize(3);
        assertThat(((List<?>) report.get("failed")).stream().map(f -> String.valueOf(((Map<?, ?>) f).get("reason"))))
                .containsExactlyInAnyOrder("empty_file", "not_audio", "truncated", "truncated");
        assertThat(context.progress).last().satisfies(p -> {
            assertThat(p.fraction()).isEqualTo(1.0);
            assertThat(p.detail()).containsEntry("files_done", 7L).containsEntry("files_total", 7L);
        });
    }

    @Test
    void failsWithNoUsableAudioWhenEveryFileIsBroken() throws Exception {
        RecordingContext context = upload("broken/empty.wav", "broken/text.wav");

        assertThatThrownBy(() -> new ConvertAudioStep().run(context, ConvertAudioParams.defaults()))
                .isInstanceOfSatisfying(StepFailure.class, e -> {
                    assertThat(e.code()).isEqualTo("no_usable_audio");
                    assertThat(e.getMessage()).contains("empty.wav").contains("text.wav");
                });
    }

    @Test
    void skipsFilesAlreadyConvertedUnlessForced() throws Exception {
        RecordingContext context = upload("en_1.wav", "en_2.wav");
        new ConvertAudioStep().run(context, ConvertAudioParams.defaults());
        Path first = context.workspace().converted().resolve("en_1.wav");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first, old);

        new ConvertAudioStep().run(context, ConvertAudioParams.defaults());
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(old);
        assertThat(context.messages("info")).last().asString().contains("converted 0 of 2").contains("2 already done");

        new ConvertAudioStep().run(context.forced(), ConvertAudioParams.defaults());
        assertThat(Files.getLastModifiedTime(first)).isNotEqualTo(old);
    }

    @Test
    void givesUploadsSharingABaseNameDistinctOutputs() throws Exception {
        RecordingContext context = upload("formats/flac_22050_mono.flac");
        Files.copy(Fixtures.file("formats/mp3_22050_mono.mp3"), context.workspace().uploads().resolve("flac_22050_mono.mp3"));

        new ConvertAudioStep().run(context, ConvertAudioParams.defaults());

        assertThat(AudioFiles.list(context.workspace().converted(), ".wav")).extracting(p -> p.getFileName().toString())
                .containsExactly("flac_22050_mono_flac.wav", "flac_22050_mono_mp3.wav");
    }
}
