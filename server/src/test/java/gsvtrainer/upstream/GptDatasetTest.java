package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clips upstream's GPT dataset keeps: phonemes present, under 54 s, 3-25 phonemes a second. */
class GptDatasetTest {

    @TempDir
    Path exp;

    private static String tokens(int n) {
        return "7 ".repeat(n).trim();
    }

    @Test
    void keepsPlausibleSpeechRatesAndNamesWhatItDrops() throws Exception {
        Files.writeString(exp.resolve("2-name2text.txt"), "ok.wav\tn i h ao sh ir j ie\t2 2 2 2\t你好世界\n"
                + "slow.wav\tn i\t2\t你\n" + "fast.wav\tn i h ao sh ir j ie\t2 2 2 2\t你好世界\n" + "empty.wav\t\t\t\n");
        Files.writeString(exp.resolve("6-name2semantic.tsv"), "item_name\tsemantic_audio\n" + "ok.wav\t" + tokens(50) + "\n"
                + "slow.wav\t" + tokens(50) + "\n" + "fast.wav\t" + tokens(5) + "\n" + "empty.wav\t" + tokens(25) + "\n"
                + "missing.wav\t" + tokens(25) + "\n");

        GptDataset dataset = GptDataset.read(exp);

        assertThat(dataset.kept()).isEqualTo(1);
        assertThat(dataset.dropped()).containsExactly(
                "slow.wav (1.0 phonemes per second, outside 3-25: does the transcript match the clip?)",
                "fast.wav (40.0 phonemes per second, outside 3-25: does the transcript match the clip?)",
                "empty.wav (no phonemes in 2-name2text.txt)", "missing.wav (no phonemes in 2-name2text.txt)");
        dataset.requireUsable();
    }

    @Test
    void noClipLeftFailsWithTheReasonsInsteadOfUpstreamsZeroDivision() throws Exception {
        Files.writeString(exp.resolve("2-name2text.txt"), "a.wav\tn i\t2\t你\n");
        Files.writeString(exp.resolve("6-name2semantic.tsv"), "item_name\tsemantic_audio\na.wav\t" + tokens(1400) + "\n");

        assertThatThrownBy(() -> GptDataset.read(exp).requireUsable()).isInstanceOf(StepFailure.class)
                .hasMessageContaining("a.wav (longer than 54 s)")
                .extracting(e -> ((StepFailure) e).code()).isEqualTo("no_usable_clips");
    }
}
