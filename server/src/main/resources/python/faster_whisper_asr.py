"""gsv-trainer's faster-whisper driver, run by upstream's interpreter with upstream's import path and
the checkout as working directory.

Upstream's tools/asr/fasterwhisper_asr.py always downloads its model first (Hugging Face, else
ModelScope) and only offers the large sizes. Given a local CTranslate2 Whisper model folder, this
calls the same script's execute_asr on it, so that the transcription is upstream's own (beam 5, its
VAD settings, its .list lines) without a model hub.

Usage: faster_whisper_asr.py INPUT_FOLDER OUTPUT_FOLDER MODEL_FOLDER LANGUAGE PRECISION
Writes OUTPUT_FOLDER/<basename(INPUT_FOLDER)>.list. Exit codes: 0 written, 2 bad arguments.
"""
import os
import sys


def main(argv):
    if len(argv) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    input_folder, output_folder, model_folder, language, precision = argv[1:]
    if not os.path.isfile(os.path.join(model_folder, "model.bin")):
        print("not a CTranslate2 model folder (no model.bin): %s" % model_folder, file=sys.stderr)
        return 2
    from tools.asr.fasterwhisper_asr import execute_asr

    execute_asr(input_folder, output_folder, model_folder, language, precision)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
