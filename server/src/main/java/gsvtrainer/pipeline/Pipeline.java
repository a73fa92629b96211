package gsvtrainer.pipeline;

import gsvtrainer.asr.AsrParams;
import gsvtrainer.audio.ConvertAudioParams;
import gsvtrainer.audio.DenoiseAudioParams;
import gsvtrainer.audio.SliceAudioParams;
import gsvtrainer.upstream.FeatureParams;
import gsvtrainer.upstream.TestInferenceParams;
import gsvtrainer.upstream.TrainGptParams;
import gsvtrainer.upstream.TrainSovitsParams;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The eleven steps of a GPT-SoVITS training, in pipeline order, and their dependency graph. */
public final class Pipeline {

    public static final String CONVERT_AUDIO = "convert_audio";
    public static final String SLICE_AUDIO = "slice_audio";
    public static final String DENOISE_AUDIO = "denoise_audio";
    public static final String ASR_TRANSCRIBE = "asr_transcribe";
    public static final String EXTRACT_TEXT_FEATURES = "extract_text_features";
    public static final String EXTRACT_AUDIO_FEATURES = "extract_audio_features";
    public static final String EXTRACT_SPEAKER_VECTORS = "extract_speaker_vectors";
    public static final String EXTRACT_SEMANTIC_FEATURES = "extract_semantic_features";
    public static final String TRAIN_SOVITS = "train_sovits";
    public static final String TRAIN_GPT = "train_gpt";
    public static final String TEST_INFERENCE = "test_inference";

    private static final Set<String> PRO_VERSIONS = Set.of("v2Pro", "v2ProPlus");

    private final Map<String, StepDefinition> steps = new LinkedHashMap<>();

    public Pipeline() {
        add(new StepDefinition(CONVERT_AUDIO, ConvertAudioParams.class, List.of(), List.of(), Resources.CPU,
                List.of("uploads"), List.of("converted"), Set.of(), false));
        add(new StepDefinition(SLICE_AUDIO, SliceAudioParams.class, List.of(CONVERT_AUDIO), List.of(), Resources.CPU,
                List.of("converted"), List.of("sliced"), Set.of(), false));
        add(new StepDefinition(DENOISE_AUDIO, DenoiseAudioParams.class, List.of(SLICE_AUDIO), List.of(), Resources.CPU,
                List.of("sliced"), List.of("denoised"), Set.of(), true));
        add(new StepDefinition(ASR_TRANSCRIBE, AsrParams.class, List.of(SLICE_AUDIO), List.of(DENOISE_AUDIO),
                Resources.GPU, List.of("sliced", "denoised"), List.of("asr"), Set.of(), false));
        add(new StepDefinition(EXTRACT_TEXT_FEATURES, FeatureParams.class, List.of(ASR_TRANSCRIBE), List.of(),
                Resources.GPU_SHARDABLE, List.of("asr"), List.of("exp/2-name2text.txt", "exp/3-bert"), Set.of(), false));
        add(new StepDefinition(EXTRACT_AUDIO_FEATURES, FeatureParams.class, List.of(ASR_TRANSCRIBE), List.of(),
                Resources.GPU_SHARDABLE, List.of("asr"), List.of("exp/4-cnhubert", "exp/5-wav32k"), Set.of(), false));
        add(new StepDefinition(EXTRACT_SPEAKER_VECTORS, FeatureParams.class, List.of(EXTRACT_AUDIO_FEATURES), List.of(),
                Resources.GPU_SHARDABLE, List.of("exp/5-wav32k"), List.of("exp/7-sv_cn"), PRO_VERSIONS, false));
        add(new StepDefinition(EXTRACT_SEMANTIC_FEATURES, FeatureParams.class, List.of(EXTRACT_AUDIO_FEATURES), List.of(),
                Resources.GPU_SHARDABLE, List.of("exp/4-cnhubert"), List.of("exp/6-name2semantic.tsv"), Set.of(), false));
        add(new StepDefinition(TRAIN_SOVITS, TrainSovitsParams.class,
                List.of(EXTRACT_TEXT_FEATURES, EXTRACT_AUDIO_FEATURES, EXTRACT_SEMANTIC_FEATURES, EXTRACT_SPEAKER_VECTORS),
                List.of(), Resources.GPU_MULTI, List.of("exp"), List.of("weights/sovits"), Set.of(), false));
        add(new StepDefinition(TRAIN_GPT, TrainGptParams.class, List.of(EXTRACT_TEXT_FEATURES, EXTRACT_SEMANTIC_FEATURES),
                List.of(), Resources.GPU_MULTI, List.of("exp"), List.of("weights/gpt"), Set.of(), false));
        add(new StepDefinition(TEST_INFERENCE, TestInferenceParams.class, List.of(TRAIN_SOVITS, TRAIN_GPT), List.of(),
                Resources.GPU, List.of("weights"), List.of("inference"), Set.of(), false));
    }

    private void add(StepDefinition definition) {
        steps.put(definition.name(), definition);
    }

    public Optional<StepDefinition> find(String name) {
        return Optional.ofNullable(steps.get(name));
    }

    /** The step after {@code step} in pipeline order, if any. */
    public Optional<String> after(String step) {
        List<String> names = List.copyOf(steps.keySet());
        int at = names.indexOf(step);
        return at >= 0 && at + 1 < names.size() ? Optional.of(names.get(at + 1)) : Optional.empty();
    }

    /**
     * The step likely to run once {@code step} has: the one after it, or after the last step the
     * first (a new task's).
     */
    public String likelyAfter(String step) {
        return after(step).orElse(first());
    }

    /** The first step: a new task's. */
    public String first() {
        return steps.keySet().iterator().next();
    }

    public List<StepDefinition> all() {
        return List.copyOf(steps.values());
    }

    /** The steps that apply to a model version, in pipeline order. */
    public List<StepDefinition> forVersion(String version) {
        return steps.values().stream().filter(s -> s.appliesTo(version)).toList();
    }

    /** The hard dependencies of a step that apply to the version. */
    public List<String> dependencies(String step, String version) {
        return steps.get(step).dependsOn().stream().filter(d -> steps.get(d).appliesTo(version)).toList();
    }

    /** Every step that depends, directly or not, on {@code step} (hard or ordering dependency). */
    public Set<String> downstreamOf(String step) {
        Set<String> found = new LinkedHashSet<>();
        var queue = new ArrayDeque<String>(List.of(step));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (StepDefinition candidate : steps.values()) {
                boolean depends = candidate.dependsOn().contains(current) || candidate.after().contains(current);
                if (depends && found.add(candidate.name())) {
                    queue.add(candidate.name());
                }
            }
        }
        return found;
    }

    /** Steps of the version from {@code from} to {@code to} in pipeline order. */
    public List<String> range(String version, String from, String to) {
        List<String> names = new ArrayList<>();
        boolean inside = false;
        for (StepDefinition definition : forVersion(version)) {
            inside |= definition.name().equals(from);
            if (inside) {
                names.add(definition.name());
            }
            if (definition.name().equals(to)) {
                break;
            }
        }
        return names;
    }
}
