package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.audio.AudioConverter;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import gsvtrainer.transcript.TranscriptConfidence;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline backend on the spoken English fixtures, as 32 kHz clips like the slicer writes them.
 * Needs Debian's pocketsphinx and pocketsphinx-en-us (installed by .ci/run).
 */
class PocketsphinxBackendTest {

    private static final Map<String, String> SENTENCES = AudioFixtures.sentences("en");

    @TempDir
    Path root;

    private TestStepContext context;

    @BeforeEach
    void clips() throws Exception {
        context = new TestStepContext(root).config("exp_name", "spk").config("language", "en");
        Path sliced = Files.createDirectories(context.workspace().sliced());
        for (String name : SENTENCES.keySet()) {
            addClip(name);
        }
        Files.writeString(sliced.resolve("_report.json"), "{}");
        Files.createDirectories(sliced.resolve("_sources"));
    }

    @Test
    void withTheSentencesAsGrammarItTranscribesTheFixturesExactlyInUpstreamsFormat() throws Exception {
        long started = System.nanoTime();
        new AsrTranscribeStep().run(context, params(List.copyOf(SENTENCES.values())));
        double wall = (System.nanoTime() - started) / 1e9;

        List<TranscriptLine> lines = TranscriptList.read(context.workspace().transcript());
        assertThat(lines).hasSize(SENTENCES.size());
        for (TranscriptLine line : lines) {
            String fixture = line.name().replace(".wav", "");
            assertThat(line.text()).as(line.name()).isEqualTo(SENTENCES.get(fixture));
            assertThat(line.language()).isEqualTo("EN");
            assertThat(line.speaker()).isEqualTo("spk");
            assertThat(Path.of(line.audioPath())).isAbsolute().isEqualTo(context.workspace().sliced().resolve(line.name()));
        }
        List<String> raw = Files.readAllLines(context.workspace().transcript());
        assertThat(raw).allMatch(l -> l.matches("/[^|]+\\.wav\\|spk\\|EN\\|[^|]+"));
        assertThat(TranscriptConfidence.read(context.workspace()).clips()).hasSize(SENTENCES.size())
                .allSatisfy((clip, confidence) -> assertThat(confidence).isBetween(0.5, 1.0));
        assertThat(context.texts("artifact")).singleElement().asString().startsWith("transcript ");
        assertThat(context.reported).filteredOn(r -> r.kind().equals("progress")).last()
                .satisfies(p -> assertThat(p.detail()).containsEntry("files_done", 4).containsEntry("files_total", 4));
        assertThat(context.texts("log:info")).anyMatch(l -> l.contains("real-time factor"));
        System.out.printf("pocketsphinx with grammar: %d clips in %.2f s; %s%n", lines.size(), wall,
                context.texts("log:info").get(context.texts("log:info").size() - 1));
    }

    @Test
    void aReRunKeepsEditedLinesAndTranscribesOnlyNewClips() throws Exception {
        AsrParams params = params(List.copyOf(SENTENCES.values()));
        Files.delete(context.workspace().sliced().resolve("en_4.wav"));
        new AsrTranscribeStep().run(context, params);
        List<TranscriptLine> first = TranscriptList.read(context.workspace().transcript());
        TranscriptList.write(context.workspace().transcript(),
                List.of(first.get(0).withText("Edited by a reviewer."), first.get(1), first.get(2)));
        addClip("en_4");

        new AsrTranscribeStep().run(context, params);

        List<TranscriptLine> second = TranscriptList.read(context.workspace().transcript());
        assertThat(second).extracting(TranscriptLine::text).containsExactly("Edited by a reviewer.",
                SENTENCES.get("en_2"), SENTENCES.get("en_3"), SENTENCES.get("en_4"));
        assertThat(context.texts("log:info")).anyMatch(l -> l.startsWith("transcribing 1 clips"));
    }

    @Test
    void aGrammarWordMissingFromTheDictionaryFailsBeforeDecoding() {
        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, params(List.of("Hello zzyzxqv world."))))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("invalid_grammar");
                    assertThat(f.getMessage()).contains("zzyzxqv");
                });
    }

    @Test
    void otherLanguagesThanEnglishAreRefused() {
        AsrParams chinese = new AsrParams("pocketsphinx", "zh", null, null, null);
        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, chinese))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.code()).isEqualTo("unsupported_language"));
    }

    @Test
    void aMissingModelIsBackendUnavailable() {
        AsrParams params = new AsrParams("pocketsphinx", "en", root.resolve("no-model").toString(), null, null);
        assertThatThrownBy(() -> new AsrTranscribeStep().run(context, params))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("backend_unavailable");
                    assertThat(f.getMessage()).contains("cmudict-en-us.dict");
                });
    }

    @Test
    void theGrammarRestoresTheSentencesAsWritten() throws Exception {
        JsgfGrammar grammar = JsgfGrammar.of(List.of("Hello world.", "It's late, Stella!"),
                java.util.Set.of("hello", "world", "it's", "late", "stella"));
        assertThat(grammar.restore("hello world it's late stella")).isEqualTo("Hello world. It's late, Stella!");
        assertThat(grammar.restore("hello late")).isEqualTo("hello late");
        assertThat(grammar.text()).contains("public <utterance> = <sentence>+;").contains("it's late stella");
    }

    private void addClip(String name) throws Exception {
        new AudioConverter(32000).convert(AudioFixtures.file(name + ".wav"),
                context.workspace().sliced().resolve(name + ".wav"));
    }

    private static AsrParams params(List<String> grammar) {
        return new AsrParams("pocketsphinx", null, null, grammar, null);
    }
}
