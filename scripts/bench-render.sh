#!/bin/sh
# Measures Form 8949 rendering: pages per second and peak memory for 100,000 rows (set
# HARVEST_BENCH_ROWS for another count), release build, figures on standard error.
set -eu
cd "$(dirname "$0")/.."
HARVEST_BENCH=1 swift test -c release --scratch-path "${SCRATCH:-/tmp/build-render-release}" \
  --filter RenderBenchmark 2>&1 | grep -E "^bench:|error|failed"
