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
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.5
done
echo "== schemathesis: $examples examples per operation against 127.0.0.1:$port"
timeout 900 "$venv/bin/st" run "http://127.0.0.1:$port/v3/api-docs" \
  --checks not_a_server_error,response_schema_conformance \
  --phases examples,coverage,fuzzing --max-examples "$examples" --seed 20261127 \
  --request-timeout 20 --max-time ${GSV_FUZZ_SECONDS:-240} --no-color
status=$?
if grep -q " ERROR " "$data/server.log"; then
  echo "== server logged errors during the fuzz run:"; grep -A3 " ERROR " "$data/server.log" | head -40
fi
exit $status
