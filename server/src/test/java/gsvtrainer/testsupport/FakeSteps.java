package gsvtrainer.testsupport;

import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test-only stand-ins for the GPU steps (5-11) until the GPT-SoVITS adapter implements them. Each
 * does what the task config's {@code fake.<step>} map says: {@code seconds} to run (reporting
 * progress), {@code children} shell processes that each start a grandchild, an {@code exit} code,
 * an {@code artifact} to write and report, {@code fail_once} to fail the first attempt only. Registered only in the test class path.
 */
public final class FakeSteps {

    private FakeSteps() {
    }

    abstract static class Fake implements StepAction<Record> {
        private final String name;

        Fake(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void run(StepContext context, Record params) throws Exception {
            Map<String, Object> behaviour = behaviour(context);
            double seconds = ((Number) behaviour.getOrDefault("seconds", 0.1)).doubleValue();
            int children = ((Number) behaviour.getOrDefault("children", 0)).intValue();
            for (int i = 0; i < children; i++) {
                new ProcessBuilder("sh", "-c", "sleep 600 & sleep 600; wait")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            }
            context.reporter().log("info", "fake " + name + " on gpus " + context.gpus() + " for " + seconds + " s");
            Files.writeString(context.runDir().resolve("started"), Long.toString(System.currentTimeMillis()));
            long end = System.currentTimeMillis() + (long) (seconds * 1000);
            int step = 0;
            while (System.currentTimeMillis() < end) {
                double left = end - System.currentTimeMillis();
                context.reporter().progress(1 - left / (seconds * 1000), Map.of("epoch", 1, "step", step++));
                context.reporter().metric("loss", 1.0 / step, Map.of("step", step));
                Thread.sleep(Math.min(100, Math.max(1, (long) left)));
            }
            Object artifact = behaviour.get("artifact");
            if (artifact != null) {
                Path file = context.workspace().root().resolve(String.valueOf(artifact));
                Files.createDirectories(file.getParent());
                Files.writeString(file, "weights of " + name);
                context.reporter().artifact(String.valueOf(behaviour.getOrDefault("kind", "file")), file, Map.of("epoch", 1));
            }
            int exit = ((Number) behaviour.getOrDefault("exit", 0)).intValue();
            Path failedOnce = context.workspace().root().resolve(".failed-once-" + name);
            if (Boolean.TRUE.equals(behaviour.get("fail_once")) && !Files.exists(failedOnce)) {
                Files.writeString(failedOnce, "x");
                exit = 1;
            }
            if (exit != 0) {
                throw new StepFailure("fake_failure", "fake " + name + " failed as asked");
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> behaviour(StepContext context) {
            Object fake = context.taskConfig().get("fake");
            if (fake instanceof Map<?, ?> all && all.get(name) instanceof Map<?, ?> mine) {
                return (Map<String, Object>) mine;
            }
            return Map.of();
        }
    }

    public static final class TextFeatures extends Fake { public TextFeatures() { super("extract_text_features"); } }
    public static final class AudioFeatures extends Fake { public AudioFeatures() { super("extract_audio_features"); } }
    public static final class SpeakerVectors extends Fake { public SpeakerVectors() { super("extract_speaker_vectors"); } }
    public static final class SemanticFeatures extends Fake { public SemanticFeatures() { super("extract_semantic_features"); } }
    public static final class TrainSovits extends Fake { public TrainSovits() { super("train_sovits"); } }
    public static final class TrainGpt extends Fake { public TrainGpt() { super("train_gpt"); } }
    public static final class TestInference extends Fake { public TestInference() { super("test_inference"); } }
}
