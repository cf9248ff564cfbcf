#!/usr/bin/env bash
# Issue 10's benchmark: the console in a real window (Xvfb + GTK, as a user runs it), measured by the
# application itself (-Dredoubt.bench, see dev.redoubt.app.BenchProbe). Prints BENCH lines:
#   first-window-ms         JVM start to the first frame of the window (through target/bin/redoubt, as every figure
#                           here; the first window and the demo also with plain java -jar, as "plain-java-jar")
#   demo-to-scorecard-ms    "Explore the demo" to the overview's scorecard on screen (sandbox start,
#                           SSO device-code sign-in, scan of the whole demo, audit), fresh Redoubt home
#   fx-max-stall-ms         the FX thread's longest answer time to a 10 ms heartbeat while the window
#                           scans the generated 200,000-point estate from a sandbox in another process
#                           with 20 ms latency per request (p99 beside it)
#   fx-thread-cpu-ms        the FX thread's own CPU time during that scan (its stalls also count the time it waits
#                           for a core; this does not)
#   heap-mb                 heap in use after GC with that estate open and audited
#   open-capture-ms         the same estate's file opened as a capture (as the start screen opens one) to the
#                           overview on screen: the first open in a fresh window, then again in the same window;
#                           the FX thread's longest answer time during each beside it; then the same for a
#                           200-account organization (4,000 points)
#   cancel-to-reading-stopped-ms        the same scan cancelled halfway (half the points read): Cancel pressed
#                                       to the scan reading no more (to within its 200 ms status interval)
#   cancel-to-partial-capture-shown-ms  ... to what was read kept, journaled, audited and on screen
# BENCH_RUNS=N repeats the two short measurements (default 3); BENCH_POINTS sets the estate's size.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${BENCH_RUNS:-3}"
POINTS="${BENCH_POINTS:-200000}"
OUT=target/bench-console
mkdir -p "$OUT"

if ! command -v xvfb-run >/dev/null 2>&1 || ! ldconfig -p | grep -q libgtk-3.so.0; then
    echo "bench: installing xvfb and libgtk-3-0 for a real window" >&2
    apt-get update -qq && apt-get install -y -qq xvfb xauth libgtk-3-0 >/dev/null
fi

./mvnw -B -q -DskipTests package
JAR=target/redoubt.jar
echo "BENCH console machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

# The window as a user starts it: through the launcher (target/bin/redoubt: short GC pauses, C2 for the hottest methods
# only, and the window's class-data-sharing archive, made by its first run), with a 2 GB heap and software rendering.
CDS="$OUT/cds"
window() { # window HOME PROBE [redoubt arguments]: runs the window under Xvfb with a fresh Redoubt home
    local home="$1" probe="$2"; shift 2
    rm -rf "$home"
    REDOUBT_HOME="$home" HOME="$OUT/user" AWS_EC2_METADATA_DISABLED=true REDOUBT_CDS_DIR="$CDS" \
        REDOUBT_JAVA_OPTS="-Xmx2g -Dprism.order=sw -Dredoubt.bench=$probe" \
        xvfb-run -a -s "-screen 0 1600x1000x24" target/bin/redoubt "$@" 2>"$OUT/stderr.log" | grep '^BENCH' || {
        echo "bench: the window printed no figures; see $OUT/stderr.log" >&2; tail -20 "$OUT/stderr.log" >&2; }
}
# The same with plain `java -jar` and the window's old options (no archive, the JVM's C2 thresholds): the comparison row.
plain_window() {
    local home="$1" probe="$2"; shift 2
    rm -rf "$home"
    REDOUBT_HOME="$home" HOME="$OUT/user" AWS_EC2_METADATA_DISABLED=true \
        xvfb-run -a -s "-screen 0 1600x1000x24" java -Xmx2g -XX:MaxGCPauseMillis=50 -Dprism.order=sw -Dredoubt.bench="$probe" \
        -jar "$JAR" "$@" 2>"$OUT/stderr.log" | grep '^BENCH' | sed 's/^BENCH console /BENCH console plain-java-jar /' || {
        echo "bench: the window printed no figures; see $OUT/stderr.log" >&2; tail -20 "$OUT/stderr.log" >&2; }
}
mkdir -p "$OUT/user"
rm -rf "$OUT/user/.aws/sso/cache"   # a token of an earlier run's sandbox means nothing to this one

# Untimed: the window's first run through the launcher makes its archive as it exits (here, a window that opens the demo).
rm -rf "$CDS"
window "$OUT/home-train" demo,exit >/dev/null
echo "BENCH-INFO the window's archive, made by an untimed first run: $(ls "$CDS" 2>/dev/null | tr '\n' ' ')"

for i in $(seq "$RUNS"); do
    window "$OUT/home-first-$i" first-window,exit
    plain_window "$OUT/home-first-plain-$i" first-window,exit
done
for i in $(seq "$RUNS"); do
    window "$OUT/home-demo-$i" demo,exit
    plain_window "$OUT/home-demo-plain-$i" demo,exit
done

ESTATE="$OUT/generated-$POINTS.json"
if [ ! -s "$ESTATE" ]; then
    java -jar "$JAR" estate generate --accounts 20 --regions 3 --vaults-per-region 5 --recovery-points "$POINTS" --seed 1 --out "$ESTATE" >&2
fi
for i in $(seq "$RUNS"); do
    window "$OUT/home-open-$i" open="$ESTATE",exit
done
# A wide organization: 200 accounts (4,000 recovery points), where the overview's per-account cards used to grow without bound.
WIDE="$OUT/wide-200.json"
[ -s "$WIDE" ] || java -jar "$JAR" estate generate --accounts 200 --regions 1 --vaults-per-region 2 --recovery-points 4000 --seed 1 --out "$WIDE" >&2
echo "BENCH console wide estate: 200 accounts, 4,000 recovery points"
for i in $(seq "$RUNS"); do
    window "$OUT/home-wide-$i" open="$WIDE",exit
done
start_sandbox() { # $1: the sandbox's niceness
    nice -n "$1" java -Xmx3g -jar "$JAR" sandbox --estate "$ESTATE" --port 0 --latency-ms 20 --auto-approve \
        --write-aws-config "$OUT/sandbox.config" >"$OUT/sandbox.log" 2>&1 &
    SANDBOX=$!
    for _ in $(seq 120); do grep -q "listening on" "$OUT/sandbox.log" 2>/dev/null && break; sleep 1; done
    rm -rf "$OUT/user/.aws/sso/cache"
}
trap 'kill $SANDBOX 2>/dev/null || true' EXIT

# AWS does its own work on its own machines: with the sandbox at the lowest priority, its work takes
# only the CPU the window leaves, as a user scanning AWS would see it. Then the same with the sandbox
# competing for the two cores at normal priority.
for niceness in 19 0; do
    start_sandbox "$niceness"
    PROFILE=$(grep -o '^\[profile sso-[^]]*AuditReadOnly\]' "$OUT/sandbox.config" | head -1 | sed 's/\[profile \(.*\)\]/\1/')
    echo "BENCH console estate: $POINTS recovery points, sandbox latency 20 ms, sandbox niceness $niceness, profile $PROFILE"
    AWS_CONFIG_FILE="$OUT/sandbox.config" window "$OUT/home-scan" stall,heap,exit \
        console --profile "$PROFILE" --accounts all --regions all
    rm -rf "$OUT/user/.aws/sso/cache"
    AWS_CONFIG_FILE="$OUT/sandbox.config" window "$OUT/home-cancel" stall,cancel-at-points=$((POINTS / 2)),exit \
        console --profile "$PROFILE" --accounts all --regions all
    kill "$SANDBOX" 2>/dev/null || true
    wait "$SANDBOX" 2>/dev/null || true
done
