#!/usr/bin/env bash
# Durable journal appends per second (single and batched) and verification speed over 1,000,000 entries (issue 3).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench -Dtest='JournalBenchmark' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || true
