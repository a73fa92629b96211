# Stand-in for upstream's tools/cmd-denoise.py (ModelScope FRCRN): same arguments; every file of the input
# folder is "denoised" into a 16 kHz mono WAV of the same name (FRCRN's output rate). A file that fails
# gets a traceback printed and no output, and the script goes on, as upstream's does.
import argparse
import array
import os
import sys
import traceback
import wave

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "GPT_SoVITS"))
import _standin  # noqa: E402


def to_16k(path, target):
    with wave.open(path) as src:
        rate, width, channels = src.getframerate(), src.getsampwidth(), src.getnchannels()
        if width != 2 or channels != 1:
            raise ValueError("stand-in reads 16-bit mono only")
        samples = array.array("h", src.readframes(src.getnframes()))
    step = max(1, rate // 16000)
    with wave.open(target, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(array.array("h", samples[::step]).tobytes())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-i", "--input_folder", required=True)
    parser.add_argument("-o", "--output_folder", required=True)
    parser.add_argument("-p", "--precision", default="float16", choices=["float16", "float32"])
    args = parser.parse_args()
    workspace = os.path.abspath(os.path.join(args.input_folder, "..", "..", "..", ".."))
    _standin.record(workspace, "cmd-denoise", inputs=sorted(os.listdir(args.input_folder)))
    b = _standin.behaviour(workspace, "cmd-denoise")
    _standin.exit_if_asked(b)
    os.makedirs(args.output_folder, exist_ok=True)
    for name in sorted(os.listdir(args.input_folder)):
        try:
            if name in b.get("fail_files", []):
                raise RuntimeError("stand-in cannot denoise %s as asked" % name)
            to_16k(os.path.join(args.input_folder, name), os.path.join(args.output_folder, name))
        except Exception:
            traceback.print_exc()


if __name__ == "__main__":
    main()
