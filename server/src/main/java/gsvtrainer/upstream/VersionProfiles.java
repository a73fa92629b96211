package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The six model versions upstream supports at commit 48b1a016, read from its webui.py and config.py.
 * Pretrained paths are relative to the pretrained folder (upstream's {@code GPT_SoVITS/pretrained_models}).
 */
public final class VersionProfiles {

    public static final String DEFAULT = "v2ProPlus";

    private static final String S2 = "GPT_SoVITS/s2_train.py";
    private static final String LORA = "GPT_SoVITS/s2_train_v3_lora.py";
    private static final String S2_JSON = "GPT_SoVITS/configs/s2.json";
    private static final String S1_V1 = "GPT_SoVITS/configs/s1longer.yaml";
    private static final String S1_V2 = "GPT_SoVITS/configs/s1longer-v2.yaml";
    private static final String SV = "sv/pretrained_eres2netv2w24s4ep4.ckpt";
    private static final String S1V3 = "s1v3.ckpt";

    private static final Map<String, VersionProfile> PROFILES = List.of(
            new VersionProfile("v1", S2_JSON, S1_V1, S2, "s2G488k.pth", "s2D488k.pth",
                    "s1bert25hz-2kh-longer-epoch=68e-step=50232.ckpt", null, false),
            new VersionProfile("v2", S2_JSON, S1_V2, S2, "gsv-v2final-pretrained/s2G2333k.pth",
                    "gsv-v2final-pretrained/s2D2333k.pth",
                    "gsv-v2final-pretrained/s1bert25hz-5kh-longer-epoch=12-step=369668.ckpt", null, false),
            new VersionProfile("v2Pro", "GPT_SoVITS/configs/s2v2Pro.json", S1_V2, S2, "v2Pro/s2Gv2Pro.pth",
                    "v2Pro/s2Dv2Pro.pth", S1V3, SV, false),
            new VersionProfile("v2ProPlus", "GPT_SoVITS/configs/s2v2ProPlus.json", S1_V2, S2,
                    "v2Pro/s2Gv2ProPlus.pth", "v2Pro/s2Dv2ProPlus.pth", S1V3, SV, false),
            new VersionProfile("v3", S2_JSON, S1_V2, LORA, "s2Gv3.pth", null, S1V3, null, true),
            new VersionProfile("v4", S2_JSON, S1_V2, LORA, "gsv-v4-pretrained/s2Gv4.pth", null, S1V3, null, true))
            .stream().collect(Collectors.toUnmodifiableMap(VersionProfile::name, Function.identity()));

    private VersionProfiles() {
    }

    public static VersionProfile of(String version) throws StepFailure {
        VersionProfile profile = PROFILES.get(version == null ? DEFAULT : version);
        if (profile == null) {
            throw new StepFailure("invalid_config", "unknown model version " + version + "; one of " + PROFILES.keySet());
        }
        return profile;
    }

    /** The version of a task config ({@code version}, default {@value #DEFAULT}). */
    public static VersionProfile forTask(Map<String, Object> taskConfig) throws StepFailure {
        Object version = taskConfig.get("version");
        return of(version == null ? DEFAULT : String.valueOf(version));
    }
}
