#!/usr/bin/env bash
# Property-based run of schemathesis against the OpenAPI document of a live server: no request may
# cause a 5xx, and every documented response must match its schema. Bounded in examples and time.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${GSV_FUZZ_VENV:-$HOME/.cache/gsv-trainer/fuzz-venv-4}
examples=${GSV_FUZZ_EXAMPLES:-30}
if [ ! -x "$venv/bin/st" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==4.32.5"
fi
data=$(mktemp -d /tmp/gsv-fuzz.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar server/target/gsv-trainer.jar serve --port "$port" --data-dir "$data" --gpus fake:2 --log-level WARN \
  >"$data/server.log" 2>&1 &
server=$!
stop_server() {
  local rc=$?
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
  exit "$rc"
}
trap stop_server EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.5
done
# A task with an upload, so that operations on a task reach its logic instead of answering 404.
api="http://127.0.0.1:$port/api/v1"
task=$(curl -fs "$api/task/create" -H 'Content-Type: application/json' -d '{"task_name": "fuzz"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["task_id"])')
python3 - "$data/tone.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(16000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 10))) for i in range(32000)))
PY
curl -fs "$api/task/$task/files/upload" -F "file=@$data/tone.wav" >/dev/null
curl -fs -X POST "$api/task/$task/step/convert_audio" -H 'Content-Type: application/json' -d '{}' >/dev/null
printf '[parameters]\ntaskId = "%s"\n' "$task" > "$data/schemathesis.toml"
echo "== schemathesis: $examples examples per operation against 127.0.0.1:$port, task $task"
status=0
timeout 900 "$venv/bin/st" --config-file "$data/schemathesis.toml" run "http://127.0.0.1:$port/v3/api-docs" \
  --exclude-method DELETE \
  --checks not_a_server_error,response_schema_conformance \
  --phases examples,coverage,fuzzing --max-examples "$examples" --seed 20261127 \
  --request-timeout 20 --max-time "${GSV_FUZZ_SECONDS:-240}" --no-color || status=$?
if grep -q " ERROR " "$data/server.log"; then
  echo "== server logged errors during the fuzz run:"; grep -A3 " ERROR " "$data/server.log" | cut -c1-400 | head -40
  grep "^Caused by" "$data/server.log" | cut -c1-300 | sort | uniq -c | head -10
fi
exit $status
