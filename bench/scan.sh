#!/usr/bin/env bash
# Issue 5's benchmark: Redoubt's scan of a 200,000-point estate served by the sandbox in its own
# process, at 0 and 20 ms latency, against the AWS CLI (python3 -m awscli) one account at a time.
# BENCH_CLI_ACCOUNTS=N limits the CLI script to N accounts (the figure for all 20 is extrapolated).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -Pbench -Dtest='ScanBenchmark' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.cliAccounts="${BENCH_CLI_ACCOUNTS:-20}" 2>&1 | grep '^BENCH' || true
