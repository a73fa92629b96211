package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-upstream tier of the {@code upstream} ASR backend: upstream's own faster-whisper
 * transcription, in upstream's Python environment, on a local model folder (Whisper tiny.en in
 * CTranslate2 form, which {@code scripts/fetch-asr-model.sh} unpacks from a PyPI package), over the
 * English sentence fixtures. Skipped, saying why, without a checkout, interpreter or model.
 */
@Tag("upstream")
class UpstreamFasterWhisperTierTest {

    private static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "gsv-trainer");
    private static final Path CHECKOUT = Path.of(System.getenv().getOrDefault("GSV_UPSTREAM_DIR",
            HOME.resolve("upstream").toString()));
    private static final String PYTHON = System.getenv().getOrDefault("GSV_UPSTREAM_PYTHON",
            HOME.resolve("venv/bin/python").toString());
    private static final Path MODEL = Path.of(System.getenv().getOrDefault("GSV_TEST_FASTER_WHISPER_MODEL",
            HOME.resolve("models/faster-whisper-tiny.en").toString()));

    @TempDir
    Path root;

    @Test
    void upstreamsTranscriptionOnALocalModelTranscribesTheEnglishFixtures() throws Exception {
        assumeTrue(Files.isDirectory(CHECKOUT.resolve("tools/asr")), "no GPT-SoVITS checkout at " + CHECKOUT);
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "no upstream interpreter at " + PYTHON);
        assumeTrue(Files.isRegularFile(MODEL.resolve("model.bin")), "no faster-whisper model at " + MODEL
                + " (scripts/fetch-asr-model.sh makes it)");
        TestStepContext context = new TestStepContext(root.resolve("task")).config("exp_name", "voice")
                .config("language", "en").setting("upstream_dir", CHECKOUT.toString())
                .setting("upstream_python", PYTHON).setting("faster_whisper_model", MODEL.toString());
        Map<String, String> sentences = AudioFixtures.sentences("en");
        Path sliced = Files.createDirectories(context.workspace().sliced());
        for (String name : sentences.keySet()) {
            Files.copy(AudioFixtures.file(name + ".wav"), sliced.resolve(name + ".wav"));
        }

        new AsrTranscribeStep().run(context, new AsrParams("upstream", null, null, null, null));

        List<TranscriptLine> lines = TranscriptList.read(context.workspace().transcript());
        assertThat(lines).hasSize(sentences.size()).allSatisfy(line -> {
            assertThat(line.language()).isEqualTo("EN");
            assertThat(line.speaker()).isEqualTo("voice");
        });
        // tiny.en hears "round-fark" for "brown fox" in the first sentence; the rest come out word for word
        long exact = lines.stream().filter(line -> words(line.text())
                .equals(words(sentences.get(line.name().replace(".wav", ""))))).count();
        assertThat(exact).as(lines.toString()).isGreaterThanOrEqualTo(sentences.size() - 1);
        assertThat(lines).allSatisfy(line -> assertThat(words(line.text())).isNotBlank());
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
    }
}
