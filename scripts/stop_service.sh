#!/usr/bin/env bash
# Stops the gsv-trainer service with the old stop script's flags, through ./gsv-trainer stop.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/stop_service.sh [options] [-- extra stop options]

Stops the gsv-trainer service (./gsv-trainer stop), gracefully unless --kill is given.

Options:
  --force      kill the service if it has not stopped after the grace period
  --kill       kill the service at once
  --cleanup    also remove a stale pid file and leftover temporary upload files
  -h, --help   show this help

Anything after "--", and any other option, is passed to "./gsv-trainer stop" unchanged
(e.g. --timeout 60, --data-dir DIR).
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(stop)

while [ "$#" -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --force|--kill|--cleanup) args+=("$1"); shift ;;
    --) shift; args+=("$@"); break ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ ! -x "$root/gsv-trainer" ]; then
  echo "stop_service.sh: $root/gsv-trainer not found or not executable" >&2
  exit 1
fi

cd "$root"
exec ./gsv-trainer "${args[@]}"
