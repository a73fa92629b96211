package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceAudioStepTest {

    @TempDir
    Path root;

    private RecordingContext context;

    @BeforeEach
    void convertedFiles() throws Exception {
        context = new RecordingContext(root);
        Path converted = Files.createDirectories(context.workspace().converted());
        new AudioConverter(32000).convert(Fixtures.file("silences.flac"), converted.resolve("silences.wav"));
        Files.copy(Fixtures.file("en_2.wav"), converted.resolve("en_2.wav"));
    }

    @Test
    void writesUpstreamNamedNormalised32kClips() throws Exception {
        new SliceAudioStep().run(context, SliceAudioParams.defaults());

        List<String> expected = new ArrayList<>();
        expected.add("en_2_0000000000_0000087360.wav");
        for (String[] row : Fixtures.csv("silences.upstream.csv")) {
            expected.add(String.format("silences_%010d_%010d.wav", Long.parseLong(row[0]), Long.parseLong(row[1])));
        }
        assertThat(AudioFiles.list(context.workspace().sliced(), ".wav")).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(expected);

        MonoAudio source = WavReader.readAll(context.workspace().converted().resolve("silences.wav"));
        MonoAudio clip = WavReader.readAll(context.workspace().sliced().resolve(expected.get(1)));
        float peak = AudioConverterTest.peak(java.util.Arrays.copyOfRange(source.samples(), 5440, 137600));
        assertThat(clip.sampleRate()).isEqualTo(32000);
        assertThat(clip.samples()).hasSize(137600 - 5440);
        assertThat(AudioConverterTest.peak(clip.samples())).isCloseTo(0.9f * 0.25f + 0.75f * peak, within(1e-3f));

        assertThat(context.progress).last().satisfies(p -> assertThat(p.fraction()).isEqualTo(1.0));
        assertThat(context.progress).allSatisfy(p -> assertThat(p.detail()).containsKeys("seconds_done", "seconds_total"));
        Map<?, ?> report = JsonFiles.read(context.workspace().sliced().resolve("_report.json"), Map.class).orElseThrow();
        assertThat(report.toString()).contains("clipping_ratio", "snr_db", "silences_0000005440_0000137600.wav");
    }

    @Test
    void skipsSlicedSourcesUnlessForced() throws Exception {
        new SliceAudioStep().run(context, SliceAudioParams.defaults());
        Path clip = context.workspace().sliced().resolve("en_2_0000000000_0000087360.wav");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(clip, old);

        new SliceAudioStep().run(context, SliceAudioParams.defaults());
        assertThat(Files.getLastModifiedTime(clip)).isEqualTo(old);

        new SliceAudioStep().run(context.forced(), new SliceAudioParams(null, null, null, null, null, null, null, 2.0, 0.5));
        assertThat(clip).doesNotExist();
        assertThat(AudioFiles.list(context.workspace().sliced(), ".wav")).hasSizeGreaterThan(4)
                .allSatisfy(c -> assertThat(Files.size(c)).isLessThanOrEqualTo(44 + 2 * 2 * 32000));
    }

    @Test
    void otherParamsOrAChangedSourceSliceAgainWithoutForceAndMarkSplitParts() throws Exception {
        new SliceAudioStep().run(context, SliceAudioParams.defaults());
        Path clip = context.workspace().sliced().resolve("en_2_0000000000_0000087360.wav");
        assertThat(clip).exists();

        new SliceAudioStep().run(context, new SliceAudioParams(null, null, null, null, null, null, null, 2.0, 0.5));

        assertThat(clip).as("sliced again with the new maximum, not skipped").doesNotExist();
        Map<?, ?> report = JsonFiles.read(context.workspace().sliced().resolve("_report.json"), Map.class).orElseThrow();
        List<?> sources = (List<?>) report.get("sources");
        List<Map<?, ?>> clips = new ArrayList<>();
        for (Object src : sources) {
            for (Object c : (List<?>) ((Map<?, ?>) src).get("clips")) {
                clips.add((Map<?, ?>) c);
            }
        }
        assertThat(clips).anyMatch(c -> Boolean.TRUE.equals(c.get("split")));
        assertThat(clips).allMatch(c -> c.get("split") instanceof Boolean);

        Path converted = context.workspace().converted().resolve("en_2.wav");
        Files.setLastModifiedTime(converted, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Path part = AudioFiles.list(context.workspace().sliced(), ".wav").stream()
                .filter(c -> c.getFileName().toString().startsWith("en_2_")).findFirst().orElseThrow();
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(part, old);
        new SliceAudioStep().run(context, new SliceAudioParams(null, null, null, null, null, null, null, 2.0, 0.5));
        assertThat(Files.getLastModifiedTime(part)).as("its source changed: sliced again").isNotEqualTo(old);
    }

    @Test
    void cutsOnTheEnergiesConvertKeptForTheWavUntilTheWavChanges() throws Exception {
        Path wav = context.workspace().converted().resolve("silences.wav");
        long samples;
        try (WavReader reader = new WavReader(wav)) {
            samples = reader.samples();
        }
        try (SquareSumsFile.Writer loud = new SquareSumsFile.Writer(SquareSumsFile.beside(wav), 32000)) {
            float[] half = new float[(int) samples];
            java.util.Arrays.fill(half, 0.5f);
            loud.write(half, half.length);
            loud.finish(wav);
        }

        new SliceAudioStep().run(context, SliceAudioParams.defaults());
        assertThat(AudioFiles.list(context.workspace().sliced(), ".wav")).extracting(p -> p.getFileName().toString())
                .contains(String.format("silences_0000000000_%010d.wav", (1 + samples / 320) * 320))
                .noneMatch(name -> name.startsWith("silences_0000005440"));

        Files.setLastModifiedTime(wav, FileTime.fromMillis(1_000_000L));
        new SliceAudioStep().run(context.forced(), SliceAudioParams.defaults());
        assertThat(AudioFiles.list(context.workspace().sliced(), ".wav")).extracting(p -> p.getFileName().toString())
                .contains("silences_0000005440_0000137600.wav");
    }

    @Test
    void failsWithoutConvertedAudio() throws Exception {
        RecordingContext empty = new RecordingContext(root.resolve("other"));

        assertThatThrownBy(() -> new SliceAudioStep().run(empty, SliceAudioParams.defaults()))
                .isInstanceOfSatisfying(StepFailure.class, e -> assertThat(e.code()).isEqualTo("no_input"));
    }
}
