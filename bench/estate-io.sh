#!/usr/bin/env bash
# Writes and reads a generated 200,000-point estate and prints times and heap (issue: foundation).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench -Dtest='EstateFileBenchmark' -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^BENCH' || true
