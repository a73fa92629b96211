#!/usr/bin/env bash
# Starts the gsv-trainer service with the old start script's flags, through ./gsv-trainer serve.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/start_service.sh [options] [-- extra serve options]

Starts the gsv-trainer service (./gsv-trainer serve).

Options:
  --host HOST         address to listen on (default: $GSV_HOST or 127.0.0.1)
  --port PORT         port to listen on (default: $GSV_PORT or 8000)
  --workers N         accepted for compatibility; one process serves all requests and runs the steps
  --daemon            run in the background (pid file and log in the data folder)
  --log-level LEVEL   root log level (DEBUG, INFO, WARN, ERROR)
  --dev               development mode (debug logging)
  --prod              production mode (API keys required even on loopback)
  -h, --help          show this help

Anything after "--", and any other option, is passed to "./gsv-trainer serve" unchanged
(e.g. --data-dir DIR, --gpus 0,1). Stop the service with scripts/stop_service.sh.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(serve)
mode=""

need_value() {
  if [ "$#" -lt 2 ] || [ -z "$2" ]; then
    echo "start_service.sh: $1 needs a value (see --help)" >&2
    exit 2
  fi
}

while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --host) need_value "$@"; args+=(--host "$2"); shift 2 ;;
    --host=*) args+=(--host "${1#*=}"); shift ;;
    --port) need_value "$@"; args+=(--port "$2"); shift 2 ;;
    --port=*) args+=(--port "${1#*=}"); shift ;;
    --workers|--workers=*)
      if [ "$1" = "--workers" ]; then need_value "$@"; workers="$2"; shift 2; else workers="${1#*=}"; shift; fi
      if [ "$workers" != "1" ]; then
        echo "start_service.sh: warning: --workers $workers ignored; one gsv-trainer process serves all requests" \
             "(tasks live in the database, so run more instances on one database instead)" >&2
      fi
      ;;
    --daemon) args+=(--daemon); shift ;;
    --log-level) need_value "$@"; args+=(--log-level "$2"); shift 2 ;;
    --log-level=*) args+=(--log-level "${1#*=}"); shift ;;
    --dev) mode="--dev"; shift ;;
    --prod) mode="--prod"; shift ;;
    --) shift; args+=("$@"); break ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ -n "$mode" ]; then
  args+=("$mode")
fi

if [ ! -x "$root/gsv-trainer" ]; then
  echo "start_service.sh: $root/gsv-trainer not found or not executable" >&2
  exit 1
fi

cd "$root"
exec ./gsv-trainer "${args[@]}"
