#!/usr/bin/env bash
# Issue 13's screen benchmark: the console (headless, Monocle) with the generated 200,000-point estate
# open; the time each screen takes to open (first visit and again), and its detail pages, from the
# click to the content on screen with its background work done. Goal: under 1 s each.
# BENCH_POINTS sets the estate's size; BENCH_ACCOUNTS, BENCH_REGIONS and BENCH_VAULTS its shape (default 20 x 3 x 5;
# a wide organization: BENCH_ACCOUNTS=200 BENCH_REGIONS=1 BENCH_VAULTS=2 BENCH_POINTS=4000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench -Dtest='ScreenOpenBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.recoveryPoints="${BENCH_POINTS:-200000}" -Dbench.accounts="${BENCH_ACCOUNTS:-20}" -Dbench.regions="${BENCH_REGIONS:-3}" \
    -Dbench.vaultsPerRegion="${BENCH_VAULTS:-5}" 2>&1 | grep '^BENCH' || true
