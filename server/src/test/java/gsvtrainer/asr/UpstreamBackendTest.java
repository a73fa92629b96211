package gsvtrainer.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream backend's contract with upstream's ASR scripts, against a stand-in interpreter that
 * records how it was called and answers as upstream's scripts do (a {@code .list} named after the
 * input folder, paths inside the input folder, the language upper-cased).
 */
class UpstreamBackendTest {

    private static final String FAKE_PYTHON = """
            #!/bin/sh
            # upstream's script: -s tools/asr/SCRIPT -i IN -o OUT -s SIZE -l LANG -p PRECISION
            # our driver:        -s DRIVER IN OUT MODEL LANG PRECISION
            { pwd; echo "$@"; echo "$PYTHONPATH"; } > "$(dirname "$0")/record.txt"
            if [ "$3" = "-i" ]; then in=$4; out=$6; lang=${10}; else in=$3; out=$4; lang=$6; fi
            lang=$(echo "$lang" | tr a-z A-Z); name=$(basename "$in")
            [ -e "$(dirname "$0")/fail" ] && exit 3
            for f in $(ls "$in"); do echo "$in/$f|$name|$lang|text of $f"; done > "$out/$name.list"
            """;

    @TempDir
    Path root;

    private Path upstream;
    private TestStepContext context;

    @BeforeEach
    void fakeUpstream() throws Exception {
        upstream = Files.createDirectories(root.resolve("upstream"));
        Files.createDirectories(upstream.resolve("tools/asr"));
        Files.writeString(upstream.resolve("tools/asr/fasterwhisper_asr.py"), "# stand-in");
        Files.writeString(upstream.resolve("tools/asr/funasr_asr.py"), "# stand-in");
        Path python = root.resolve("python");
        Files.writeString(python, FAKE_PYTHON);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        context = new TestStepContext(root.resolve("task")).config("exp_name", "voice").config("language", "en")
                .setting("upstream_dir", upstream.toString()).setting("upstream_python", python.toString());
        Path sliced = Files.createDirectories(context.workspace().sliced());
        for (String clip : List.of("en_1.wav", "en_4.wav")) {
            Files.copy(AudioFixtures.file(clip), sliced.resolve(clip));
        }
        Files.writeString(sliced.resolve("_report.json"), "{}");
    }

    @Test
    void fasterWhisperRunsAsUpstreamsWebuiRunsItAndItsListIsMappedBackToTheClips() throws Exception {
        run(new AsrParams("upstream", null, null, null, null));

        List<String> call = Files.readAllLines(root.resolve("record.txt"));
        assertThat(call.get(0)).isEqualTo(upstream.toString());
        assertThat(call.get(1)).matches("-s tools/asr/fasterwhisper_asr.py -i \\S+/voice -o \\S+ -s large-v3 -l en -p float32");
        assertThat(call.get(2)).startsWith(upstream + ":" + upstream.resolve("GPT_SoVITS") + ":");
        List<TranscriptLine> lines = TranscriptList.read(context.workspace().transcript());
        assertThat(lines).extracting(TranscriptLine::audioPath).containsExactly(
                context.workspace().sliced().resolve("en_1.wav").toString(),
                context.workspace().sliced().resolve("en_4.wav").toString());
        assertThat(lines).extracting(TranscriptLine::text).containsExactly("text of en_1.wav", "text of en_4.wav");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.language()).isEqualTo("EN");
            assertThat(l.speaker()).isEqualTo("voice");
        });
    }

    @Test
    void chineseGoesToFunAsrWithUpstreamsSizeAndPrecision() throws Exception {
        run(new AsrParams("upstream", "zh", null, null, null));
        assertThat(Files.readAllLines(root.resolve("record.txt")).get(1)).matches("-s tools/asr/funasr_asr.py -i \\S+ -o \\S+ -s large -l zh -p float32");
        assertThat(TranscriptList.read(context.workspace().transcript())).allMatch(l -> l.language().equals("ZH"));
    }

    @Test
    void aScriptThatFailsFailsTheStep() throws Exception {
        Files.writeString(root.resolve("fail"), "");
        assertThatThrownBy(() -> run(new AsrParams("upstream", null, null, null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("asr_failed");
                    assertThat(f.getMessage()).contains("exited with 3");
                });
        assertThat(context.workspace().transcript()).doesNotExist();
    }

    @Test
    void aMissingScriptOrCheckoutIsBackendUnavailable() throws Exception {
        Files.delete(upstream.resolve("tools/asr/fasterwhisper_asr.py"));
        assertThatThrownBy(() -> run(new AsrParams("upstream", null, null, null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("backend_unavailable");
                    assertThat(f.getMessage()).contains("tools/asr/fasterwhisper_asr.py");
                });
        context.setting("upstream_dir", "");
        assertThatThrownBy(() -> run(new AsrParams("upstream", null, null, null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.code()).isEqualTo("backend_unavailable"));
    }

    @Test
    void aLocalModelFolderRunsUpstreamsTranscriptionThroughOurDriverWithoutADownload() throws Exception {
        Path model = modelFolder("tiny.en");
        context.setting("faster_whisper_model", model.toString());

        run(new AsrParams("upstream", null, null, null, null));

        List<String> call = Files.readAllLines(root.resolve("record.txt"));
        assertThat(call.get(0)).isEqualTo(upstream.toString());
        assertThat(call.get(1)).matches("-s (\\S+)/faster_whisper_asr.py \\S+/voice \\S+ " + model + " en float32");
        Path driver = Path.of(call.get(1).split(" ")[1]);
        try (var resource = getClass().getClassLoader().getResourceAsStream("python/faster_whisper_asr.py")) {
            assertThat(Files.readAllBytes(driver)).isEqualTo(resource.readAllBytes());
        }
        assertThat(TranscriptList.read(context.workspace().transcript())).extracting(TranscriptLine::text)
                .containsExactly("text of en_1.wav", "text of en_4.wav");
    }

    @Test
    void theModelParamPicksAFolderOrASizeOverTheSetting() throws Exception {
        context.setting("faster_whisper_model", modelFolder("configured").toString()).forced(true);
        Path own = modelFolder("own");

        run(new AsrParams("upstream", null, own.toString(), null, null));
        assertThat(Files.readAllLines(root.resolve("record.txt")).get(1)).contains(" " + own + " en float32");

        run(new AsrParams("upstream", null, "medium.en", null, null));
        assertThat(Files.readAllLines(root.resolve("record.txt")).get(1))
                .matches("-s tools/asr/fasterwhisper_asr.py -i \\S+ -o \\S+ -s medium.en -l en -p float32");

        run(new AsrParams("upstream", "zh", null, null, null));
        assertThat(Files.readAllLines(root.resolve("record.txt")).get(1)).as("FunASR has no local-model path")
                .startsWith("-s tools/asr/funasr_asr.py");
        assertThatThrownBy(() -> run(new AsrParams("upstream", "zh", own.toString(), null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.code()).isEqualTo("invalid_param"));
    }

    @Test
    void aModelFolderWithoutAModelIsBackendUnavailable() throws Exception {
        Path empty = Files.createDirectories(root.resolve("models/empty"));
        assertThatThrownBy(() -> run(new AsrParams("upstream", null, empty.toString(), null, null)))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("backend_unavailable");
                    assertThat(f.getMessage()).contains("no model.bin");
                });
        assertThat(root.resolve("record.txt")).doesNotExist();
    }

    /** A folder shaped as a CTranslate2 model; the stand-in interpreter never reads it. */
    private Path modelFolder(String name) throws Exception {
        Path folder = Files.createDirectories(root.resolve("models").resolve(name));
        Files.writeString(folder.resolve("config.json"), "{}");
        Files.writeString(folder.resolve("model.bin"), "stand-in");
        return folder;
    }

    /** Runs the step; the stand-in interpreter records its call in {@code record.txt} beside itself. */
    private void run(AsrParams params) throws Exception {
        new AsrTranscribeStep().run(context, params);
    }
}
