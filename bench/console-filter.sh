#!/usr/bin/env bash
# Issue 13's recovery-point filter benchmark: the console (headless, Monocle) with the generated
# 200,000-point estate open on the recovery points screen; a realistic query typed keystroke by
# keystroke (backspaces and clears included), each timed from the key to its rows published on the
# FX thread; a sort by a column; the heap in use after GC. Goal: p95 under 100 ms. Prints one line:
#   recovery points: N rows; filter p50 A ms, p95 B ms, max C ms; sort D ms; heap E MB
# BENCH_POINTS sets the estate's size; BENCH_INFO=1 also prints the details (machine, screen open time, slowest keys).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(./mvnw -B -q test -Pbench -Dtest='RecoveryPointsFilterBenchmark' -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dbench.recoveryPoints="${BENCH_POINTS:-200000}" 2>&1 || true)
if [ "${BENCH_INFO:-0}" = "1" ]; then
    echo "$OUT" | grep '^BENCH-INFO' | sed 's/^BENCH-INFO //' >&2
fi
LINE=$(echo "$OUT" | grep '^BENCH recovery points:' | sed 's/^BENCH //' || true)
if [ -z "$LINE" ]; then
    echo "bench: the benchmark printed no figures" >&2
    echo "$OUT" | tail -40 >&2
    exit 1
fi
echo "$LINE"
