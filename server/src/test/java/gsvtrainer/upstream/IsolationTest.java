package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Two tasks train at the same time on two GPU slots without touching each other's files or the checkout. */
class IsolationTest extends StandinServerTest {

    @Test
    void twoTasksTrainConcurrentlyWithoutSharingAnyFile() throws IOException {
        List<String> before = checkoutFiles();
        String a = createTask("iso-a", "v2", "0", Map.of());
        String b = createTask("iso-b", "v2", "0", Map.of());
        for (String task : List.of(a, b)) {
            givenFeatures(task);
            behave(task, Map.of("s2_train", Map.of("steps", 4, "epoch_seconds", 1.0)));
        }
        String runA = runStep(a, "train_sovits", Map.of("total_epoch", 2, "save_every_epoch", 1));
        String runB = runStep(b, "train_sovits", Map.of("total_epoch", 2, "save_every_epoch", 1));
        StepRun doneA = awaitStatus(runA, RunStatus.SUCCEEDED, Duration.ofSeconds(90));
        StepRun doneB = awaitStatus(runB, RunStatus.SUCCEEDED, Duration.ofSeconds(90));

        assertThat(doneA.startedAt()).isBefore(doneB.finishedAt());
        assertThat(doneB.startedAt()).isBefore(doneA.finishedAt());
        assertThat(doneA.resources().gpus()).doesNotContainAnyElementsOf(doneB.resources().gpus());
        Map<String, Object> callA = calls(a, "s2_train").get(0);
        Map<String, Object> callB = calls(b, "s2_train").get(0);
        assertThat((String) callA.get("cwd")).startsWith(workspace(a).toString());
        assertThat((String) callB.get("cwd")).startsWith(workspace(b).toString());
        assertThat(((Map<?, ?>) callA.get("env")).get("TEMP")).isNotEqualTo(((Map<?, ?>) callB.get("env")).get("TEMP"));
        assertThat(((Map<?, ?>) callA.get("env")).get("TMPDIR")).as("short enough for DataLoader's Unix sockets")
                .isEqualTo(System.getProperty("java.io.tmpdir"));
        assertThat(Files.readString(Path.of(((List<?>) callA.get("argv")).get(1).toString()))).doesNotContain(b);
        assertThat(Files.readString(Path.of(((List<?>) callB.get("argv")).get(1).toString()))).doesNotContain(a);
        for (String task : List.of(a, b)) {
            try (Stream<Path> weights = Files.list(workspace(task).resolve("weights/sovits"))) {
                assertThat(weights.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("spk_e1_s4.pth", "spk_e2_s8.pth");
            }
            assertThat(workspace(task).resolve("exp/logs_s2_v2/G_233333333333.pth")).exists();
        }
        assertThat(checkoutFiles()).as("nothing written into the checkout").isEqualTo(before);
    }

    private static List<String> checkoutFiles() throws IOException {
        try (Stream<Path> files = Files.walk(STANDIN)) {
            return files.filter(p -> !p.toString().contains("__pycache__")).map(p -> STANDIN.relativize(p).toString())
                    .sorted().toList();
        }
    }
}
