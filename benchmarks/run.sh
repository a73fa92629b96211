#!/usr/bin/env bash
# Runs the service benchmarks against servers started from the built jar; prints a markdown report
# (also left in $GSV_BENCH_DIR/results.md). Usage: benchmarks/run.sh [latency|sse|upload|overhead|audio|upstream ...]
# audio needs the ffmpeg CLI (it builds its mp3 inputs with it) and, for its pocketsphinx part,
# pocketsphinx_continuous; its upstream comparison uses GSV_UPSTREAM_DIR / GSV_UPSTREAM_PYTHON if present,
# and so does its faster-whisper part, with the model scripts/fetch-asr-model.sh unpacks.
# upstream (the feature + training chain, service vs the scripts by hand) needs that checkout and environment.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${GSV_BENCH_DIR:-/tmp/gsv-bench}
rm -rf "$work"; mkdir -p "$work"
if [ $# -eq 0 ] || [[ " $* " == *" audio "* ]]; then bash scripts/fetch-asr-model.sh; fi
mvn -B -ntp -q -DskipTests install
mvn -B -ntp -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
java -cp "benchmarks/target/classes:$(cat "$work/cp.txt")" gsvtrainer.bench.BenchMain \
  server/target/gsv-trainer.jar "$work" "$@"
