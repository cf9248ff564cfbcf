#!/usr/bin/env bash
# Serves a generated 200,000-point estate and prints pages of 1,000 recovery points per second and the heap (issue: sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench -Dtest='SandboxBenchmark' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || true
