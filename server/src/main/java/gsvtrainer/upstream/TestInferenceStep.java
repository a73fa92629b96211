package gsvtrainer.upstream;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthesises a sentence with the task's trained weights through upstream's own inference code
 * ({@code GPT_SoVITS/TTS_infer_pack}), by our small driver {@code python/test_inference.py} run with
 * upstream's interpreter, and keeps the WAV as an {@code inference_audio} artifact.
 */
public final class TestInferenceStep implements StepAction<TestInferenceParams> {

    static final String DRIVER = "test_inference.py";

    @Override
    public String name() {
        return Pipeline.TEST_INFERENCE;
    }

    @Override
    public void run(StepContext context, TestInferenceParams params) throws Exception {
        TestInferenceParams p = params == null ? TestInferenceParams.defaults() : params;
        VersionProfile version = VersionProfiles.forTask(context.taskConfig());
        UpstreamCheckout checkout = UpstreamCheckout.of(context);
        new Preflight(checkout).require(version, name());
        TaskWorkspace workspace = context.workspace();
        Path sovits = LatestWeight.find(workspace.sovitsWeights(), WeightArtifacts.SOVITS, p.sovitsWeight(), "SoVITS");
        Path gpt = LatestWeight.find(workspace.gptWeights(), WeightArtifacts.GPT, p.gptWeight(), "GPT");
        String taskLanguage = String.valueOf(context.taskConfig().getOrDefault("language", "zh"));
        String language = Languages.forInference("text_language", p.textLanguage() != null ? p.textLanguage() : taskLanguage,
                version.name());
        ReferenceClip reference = reference(workspace, p, taskLanguage, version.name());
        Path output = TaskWorkspace.ensure(workspace.inference()).resolve(context.runDir().getFileName() + ".wav");

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("version", version.name());
        request.put("device", Precision.realGpus(context) && !context.gpus().isEmpty() ? "cuda" : "cpu");
        request.put("is_half", Precision.isHalf(context, null));
        request.put("t2s_weights_path", gpt.toString());
        request.put("vits_weights_path", sovits.toString());
        request.put("bert_base_path", checkout.pretrained(VersionProfile.BERT_DIR).toString());
        request.put("cnhuhbert_base_path", checkout.pretrained(VersionProfile.HUBERT_DIR).toString());
        request.put("sv_path", version.hasSpeakerVectors() ? checkout.pretrained(version.speakerVector()).toString() : null);
        request.put("text", p.text() != null ? p.text() : Languages.sampleText(language));
        request.put("text_lang", language);
        request.put("ref_audio_path", reference.audio().toString());
        request.put("prompt_text", reference.text());
        request.put("prompt_lang", reference.language());
        request.put("top_k", p.topK() != null ? p.topK() : 15);
        request.put("top_p", p.topP() != null ? p.topP() : 1.0);
        request.put("temperature", p.temperature() != null ? p.temperature() : 1.0);
        request.put("speed_factor", p.speed() != null ? p.speed() : 1.0);
        request.put("seed", p.seed() != null ? p.seed() : -1);
        request.put("output", output.toString());
        Path requestFile = context.runDir().resolve("inference.json");
        Files.writeString(requestFile, Json.write(request));
        Path driver = PythonDrivers.extract(DRIVER, context.runDir());
        context.reporter().log("info", "synthesising with " + sovits.getFileName() + " and " + gpt.getFileName()
                + ", reference " + reference.audio().getFileName());

        TrainingProcess.run(context, checkout, driver.toString(), List.of(requestFile.toString()),
                Map.of("version", version.name(), "_CUDA_VISIBLE_DEVICES", String.valueOf(request.get("device")).equals("cuda")
                        ? String.join(",", context.gpus()) : ""), line -> { });
        double seconds = ReferenceClip.seconds(output).orElse(0.0);
        if (seconds <= 0) {
            throw new StepFailure("inference_failed", "upstream's inference wrote no audio");
        }
        context.reporter().artifact("inference_audio", output, Map.of("text", request.get("text"), "language", language,
                "duration_s", Math.round(seconds * 1000) / 1000.0, "sovits_weight", sovits.getFileName().toString(),
                "gpt_weight", gpt.getFileName().toString(), "ref_audio", reference.audio().getFileName().toString()));
    }

    private static ReferenceClip reference(TaskWorkspace workspace, TestInferenceParams p, String taskLanguage,
                                           String version) throws StepFailure {
        if (p.refAudio() == null) {
            return ReferenceClip.pick(DatasetInput.require(workspace));
        }
        Path audio = workspace.root().resolve(p.refAudio()).normalize();
        if (!audio.startsWith(workspace.root()) || !Files.isRegularFile(audio)) {
            throw new StepFailure("invalid_param", "ref_audio " + p.refAudio() + " is not a file of the task");
        }
        if (p.refText() == null) {
            throw new StepFailure("invalid_param", "ref_text is required with ref_audio");
        }
        return new ReferenceClip(audio, p.refText(), Languages.forInference("ref_language",
                p.refLanguage() != null ? p.refLanguage() : taskLanguage, version));
    }
}
