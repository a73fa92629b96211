package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preflight names every missing piece before anything runs. */
class PreflightTest {

    @TempDir
    Path temp;

    @Test
    void theStandinCheckoutIsReadyForEveryStepOfV2ProPlus() throws StepFailure {
        Preflight preflight = new Preflight(new UpstreamCheckout(StandinServerTest.standin(), "python3"));
        assertThat(preflight.missing(VersionProfiles.of("v2ProPlus"), null)).isEmpty();
    }

    @Test
    void aMissingCheckoutIsNamed() throws StepFailure {
        Preflight preflight = new Preflight(new UpstreamCheckout(temp.resolve("nowhere"), "python3"));
        assertThatThrownBy(() -> preflight.require(VersionProfiles.of("v2"), "train_gpt"))
                .isInstanceOf(StepFailure.class).hasMessageContaining(temp.resolve("nowhere").toString())
                .extracting(e -> ((StepFailure) e).code()).isEqualTo("upstream_missing");
    }

    @Test
    void everyMissingPretrainedFileAndTheInterpreterAreNamed() throws Exception {
        Path copy = copyOfStandin();
        Files.delete(copy.resolve("GPT_SoVITS/pretrained_models/v2Pro/s2Gv2ProPlus.pth"));
        Files.delete(copy.resolve("GPT_SoVITS/pretrained_models/v2Pro/s2Dv2ProPlus.pth"));
        Preflight preflight = new Preflight(new UpstreamCheckout(copy, temp.resolve("no-python").toString()));

        assertThat(preflight.missing(VersionProfiles.of("v2ProPlus"), "train_sovits")).containsExactly(
                "torch in the Python environment of " + temp.resolve("no-python") + " (setting upstream_python)",
                "pretrained " + copy.resolve("GPT_SoVITS/pretrained_models/v2Pro/s2Gv2ProPlus.pth"),
                "pretrained " + copy.resolve("GPT_SoVITS/pretrained_models/v2Pro/s2Dv2ProPlus.pth"));
        assertThat(preflight.missing(VersionProfiles.of("v2ProPlus"), "train_gpt")).contains(
                "torch in the Python environment of " + temp.resolve("no-python") + " (setting upstream_python)")
                .noneMatch(m -> m.contains("s2G"));
    }

    @Test
    void aSeparatePretrainedFolderIsWherePretrainedFilesAreLookedFor() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("models"));
        UpstreamCheckout checkout = UpstreamCheckout.from(Map.of("upstream_dir", StandinServerTest.standin().toString(),
                "upstream_python", "python3", "pretrained_dir", elsewhere.toString()));
        Files.createDirectories(elsewhere.resolve("chinese-roberta-wwm-ext-large"));

        List<String> missing = new Preflight(checkout).missing(VersionProfiles.of("v1"), null);

        assertThat(checkout.pretrained("s2G488k.pth")).isEqualTo(elsewhere.resolve("s2G488k.pth"));
        assertThat(missing).contains("pretrained " + elsewhere.resolve("s2G488k.pth"), "pretrained " + elsewhere.resolve("chinese-hubert-base"))
                .noneMatch(m -> m.contains("chinese-roberta") || m.contains(StandinServerTest.standin().toString()));
    }

    @Test
    void versionProfilesAreData() throws StepFailure {
        assertThat(VersionProfiles.of("v2").hasSpeakerVectors()).isFalse();
        assertThat(VersionProfiles.of("v2Pro").scriptFor("extract_speaker_vectors")).isEqualTo("GPT_SoVITS/prepare_datasets/2-get-sv.py");
        assertThat(VersionProfiles.of("v4").scriptFor("train_sovits")).isEqualTo("GPT_SoVITS/s2_train_v3_lora.py");
        assertThat(VersionProfiles.of("v1").s1Config()).isEqualTo("GPT_SoVITS/configs/s1longer.yaml");
        assertThatThrownBy(() -> VersionProfiles.of("v9")).isInstanceOf(StepFailure.class);
    }

    private Path copyOfStandin() throws IOException {
        Path source = StandinServerTest.standin();
        Path target = temp.resolve("checkout");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
