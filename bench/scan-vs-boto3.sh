#!/usr/bin/env bash
# Issue 16's benchmark: Redoubt against an independent boto3 scanner doing the same reads, side by
# side in one run, on one sandbox serving the generated estate (20 accounts x 3 regions x 5 vaults,
# 200,000 recovery points) with 20 ms latency per request. Every figure is a whole process (wall and
# peak RSS from /usr/bin/time): JVM or Python start, sign-in, the reads, building and writing the output.
# Redoubt runs through the launcher it ships (target/bin/redoubt: its JVM options and class-data-sharing
# archive per kind of command); one row runs the same one-account scan as plain `java -jar`. Before the
# timed runs, an untimed warm-up pass (Redoubt's org scan and audit through the launcher) warms the
# sandbox's own JIT (the first client run against a fresh sandbox otherwise pays for it: 16 core-s of
# sandbox CPU against 5-10 later) and makes the launcher's archives, as a user's first run would.
#
#   bench/scan-vs-boto3.sh            the table: org-wide (64 boto3 threads), one account (32), audit
#   bench/scan-vs-boto3.sh --faults   also Redoubt's org scan under --throttle-rate 0.2 --error-rate 0.05,
#                                     and whether its capture is identical to the fault-free one
#   bench/scan-vs-boto3.sh --jfr      also one Java Flight Recorder recording of the org scan, its hot methods
#
# Prints BENCH lines (the table) and BENCH-INFO lines (request counts, per-phase breakdown from the
# sandbox's request log). Needs: a JDK 17, python3 with boto3 (pip install boto3), curl, and
# /usr/bin/time (Debian: apt-get install time; without it a python wrapper measures the same).
# Env: BENCH_ONE_ACCOUNT (default 200001000202, 10,005 points), BENCH_POINTS (default 200000).
set -euo pipefail
cd "$(dirname "$0")/.."

FAULTS=0
JFR=0
for arg in "$@"; do
    case "$arg" in
        --faults) FAULTS=1 ;;
        --jfr) JFR=1 ;;
        *) echo "usage: $0 [--faults] [--jfr]" >&2; exit 2 ;;
    esac
done

POINTS="${BENCH_POINTS:-200000}"
ONE="${BENCH_ONE_ACCOUNT:-200001000202}"
OUT=target/bench
JAR=target/redoubt.jar
LAUNCHER=target/bin/redoubt
ROLE=AuditReadOnly
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if [ ! -f "$JAR" ] || [ ! -x "$LAUNCHER" ]; then
    ./mvnw -q -o package -DskipTests -Djacoco.skip=true
fi
CDS="$OUT/cds"
rm -rf "$CDS"  # the warm-up makes the launcher's archives anew, as a first run would
ESTATE="$OUT/estate-$POINTS.json"
if [ ! -s "$ESTATE" ]; then
    java -jar "$JAR" estate generate --accounts 20 --regions 3 --vaults-per-region 5 --recovery-points "$POINTS" \
        --seed 1 --out "$ESTATE" >&2
fi

SANDBOX=""
stop_sandbox() {
    if [ -n "$SANDBOX" ]; then
        kill "$SANDBOX" 2>/dev/null || true
        wait "$SANDBOX" 2>/dev/null || true
        SANDBOX=""
    fi
}
trap stop_sandbox EXIT

start_sandbox() { # extra args go to `redoubt sandbox`; sets SANDBOX, PORT, CONFIG
    CONFIG="$OUT/aws.config"
    rm -f "$CONFIG" "$CONFIG.bak"
    java -Xmx3g -jar "$JAR" sandbox --estate "$ESTATE" --port 0 --as-captured --write-aws-config "$CONFIG" "$@" \
        >"$OUT/sandbox.log" 2>&1 &
    SANDBOX=$!
    for _ in $(seq 180); do
        grep -q "listening on" "$OUT/sandbox.log" 2>/dev/null && [ -s "$CONFIG" ] && break
        kill -0 "$SANDBOX" 2>/dev/null || { echo "bench: the sandbox did not start:" >&2; cat "$OUT/sandbox.log" >&2; exit 1; }
        sleep 1
    done
    PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$OUT/sandbox.log" | head -1 | sed 's/.*://')
    [ -n "$PORT" ] || { echo "bench: no port in $OUT/sandbox.log" >&2; exit 1; }
}

clear_log() { curl -sf -X DELETE -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/_sandbox/requests" >/dev/null; }
save_log() { curl -sf "http://127.0.0.1:$PORT/_sandbox/requests" >"$1"; }

# measure NAME CMD...: runs CMD as a whole process; writes $OUT/NAME.{out,err,time} (wall s, peak RSS KB,
# start and end epoch); the command's own failure fails the benchmark.
measure() {
    local name="$1"; shift
    local t0 t1 rc=0 s0 s1
    t0=$(date +%s.%N)
    s0=$(sandbox_cpu)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -o "$OUT/$name.rusage" -f '%e %M %U %S' "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
    else
        python3 -c '
import resource, subprocess, sys, time
t = time.monotonic(); rc = subprocess.call(sys.argv[2:])
u = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f %d %.2f %.2f\n" % (time.monotonic() - t, u.ru_maxrss, u.ru_utime, u.ru_stime))
sys.exit(rc)' "$OUT/$name.rusage" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
    fi
    if [ "$rc" = 4 ]; then  # redoubt scan: finished, but some scopes could not be read (listed in the capture)
        echo "BENCH-INFO $name: exit 4, some scopes unread: $(tail -3 "$OUT/$name.err" | tr '\n' ' ')"
    elif [ "$rc" != 0 ]; then
        echo "bench: $name failed (exit $rc):" >&2; tail -20 "$OUT/$name.out" "$OUT/$name.err" >&2; exit 1
    fi
    t1=$(date +%s.%N)
    s1=$(sandbox_cpu)
    read -r w m u sy <<<"$(tail -1 "$OUT/$name.rusage")"
    echo "$w $m $t0 $t1 $u $sy $(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.2f", b - a}')" >"$OUT/$name.time"
    echo "BENCH-INFO cpu $name: wall $w s; the process $u s user + $sy s sys; the sandbox $(cut -d' ' -f7 "$OUT/$name.time") s (2 cores: $(awk -v w="$w" 'BEGIN{printf "%.1f", 2 * w}') core-s available)"
}
# CPU seconds (user + sys) the running sandbox has used so far (0 when none runs)
sandbox_cpu() {
    if [ -n "$SANDBOX" ] && [ -r "/proc/$SANDBOX/stat" ]; then
        awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz}' "/proc/$SANDBOX/stat"
    else
        echo 0
    fi
}
wall() { cut -d' ' -f1 "$OUT/$1.time"; }
rss_mb() { awk '{printf "%.0f", $2 / 1024}' "$OUT/$1.time"; }
row() { # what, redoubt run, boto3 run (or -)
    local what="$1" r="$2" b="$3"
    if [ "$b" = "-" ]; then
        printf 'BENCH %-40s | %8.2f | %8s | %6s | %8s | %8s\n' "$what" "$(wall "$r")" - - "$(rss_mb "$r")" -
    else
        printf 'BENCH %-40s | %8.2f | %8.2f | %6.2f | %8s | %8s\n' "$what" "$(wall "$r")" "$(wall "$b")" \
            "$(echo "$(wall "$r") $(wall "$b")" | awk '{printf "%.2f", $1 / $2}')" "$(rss_mb "$r")" "$(rss_mb "$b")"
    fi
}
counts() { # compares the operations two request logs show
    python3 - "$@" <<'EOF'
import collections, json, sys
a, b, label = sys.argv[1], sys.argv[2], sys.argv[3]
ca = collections.Counter(r["service"] + ":" + r["operation"] for r in json.load(open(a))["requests"])
cb = collections.Counter(r["service"] + ":" + r["operation"] for r in json.load(open(b))["requests"])
print(f"BENCH-INFO {label}: requests seen by the sandbox: Redoubt {sum(ca.values())}, boto3 {sum(cb.values())}")
diff = {k: (ca.get(k, 0), cb.get(k, 0)) for k in sorted(set(ca) | set(cb)) if ca.get(k, 0) != cb.get(k, 0)}
same = sum(v for k, v in ca.items() if ca[k] == cb.get(k))
print(f"BENCH-INFO {label}: same count for {same} of Redoubt's requests; operations whose counts differ (Redoubt, boto3): {diff or 'none'}")
print(f"BENCH-INFO {label}: Redoubt's requests by operation: {dict(sorted(ca.items()))}")
EOF
}
# the capture's content without its CapturedAt line: equal digests mean identical captures
content_digest() { sed '0,/"CapturedAt"/{/"CapturedAt"/d}' "$1" | sha256sum | cut -c1-16; }

# /usr/bin/time runs programs, not shell functions: the environment goes through env(1)
redoubt_cmd() { # a Redoubt command in a fresh Redoubt home (its journal) and a HOME without AWS files: REDOUBT (plain java), LAUNCH (the launcher)
    rm -rf "$OUT/redoubt-home"
    local e=(env REDOUBT_HOME="$OUT/redoubt-home" HOME="$OUT/home" AWS_CONFIG_FILE="$CONFIG" AWS_SHARED_CREDENTIALS_FILE="$OUT/none"
        AWS_EC2_METADATA_DISABLED=true)
    REDOUBT=("${e[@]}" java)
    LAUNCH=("${e[@]}" REDOUBT_CDS_DIR="$CDS" "$LAUNCHER")
}
boto3_cmd() { BOTO3=(env AWS_CONFIG_FILE="$CONFIG" AWS_SHARED_CREDENTIALS_FILE="$OUT/none" python3 bench/boto3_scan.py); }

echo "BENCH machine: $(nproc) cores; uptime:$(uptime | sed 's/.*up/ up/'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'); $(java -version 2>&1 | head -1); boto3 $(python3 -c 'import boto3; print(boto3.__version__)')"

# Item 0: a sandbox with no injected latency answers near the loopback floor (the demo estate, small to load)
java -jar "$JAR" sandbox --demo --port 0 >"$OUT/sandbox-demo.log" 2>&1 &
SANDBOX=$!
for _ in $(seq 60); do grep -q "listening on" "$OUT/sandbox-demo.log" && break; sleep 1; done
PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$OUT/sandbox-demo.log" | head -1 | sed 's/.*://')
python3 bench/loopback_floor.py -n 500 "sandbox at 0 ms, GET /_sandbox/health=http://127.0.0.1:$PORT/_sandbox/health"
stop_sandbox

start_sandbox --latency-ms 20
MGMT=$(grep -o '^\[profile [^]]*-'$ROLE'\]' "$CONFIG" | head -1 | sed 's/\[profile \(.*\)\]/\1/')
echo "BENCH-INFO sandbox: http://127.0.0.1:$PORT, $POINTS recovery points, 20 ms per request; AWS config $CONFIG; management profile $MGMT"
ORG_ARGS=(scan --profile "$MGMT" --accounts all --role "$ROLE" --regions all)
ONE_ARGS=(scan --profile "$MGMT" --accounts "$ONE" --role "$ROLE" --regions all)
echo "BENCH-INFO redoubt runs: $LAUNCHER ${ORG_ARGS[*]} --out FILE (the launcher: $(sed -n 's/^ *scan) kind=scan; opts="\(.*\)" ;;$/\1/p' "$LAUNCHER") and a class-data-sharing archive in $CDS); plain: java -jar $JAR ${ONE_ARGS[*]} --out FILE"

# Untimed warm-up: the sandbox's JIT, and the launcher's archives for scans and audits (made as each first run exits).
redoubt_cmd; measure warmup-org "${LAUNCH[@]}" "${ORG_ARGS[@]}" --out "$OUT/warmup-org.json"
redoubt_cmd; measure warmup-audit "${LAUNCH[@]}" audit --estate "$OUT/warmup-org.json" --format html --out "$OUT/warmup-audit.html"
rm -f "$OUT/warmup-org.json"
echo "BENCH-INFO warm-up (untimed): org scan $(wall warmup-org) s, audit $(wall warmup-audit) s, through the launcher, which made $(ls "$CDS" 2>/dev/null | tr '\n' ' ')"

clear_log
redoubt_cmd; measure redoubt-org "${LAUNCH[@]}" "${ORG_ARGS[@]}" --out "$OUT/redoubt-org.json"
save_log "$OUT/requests-redoubt-org.json"
clear_log
boto3_cmd; measure boto3-org "${BOTO3[@]}" --profile "$MGMT" --role "$ROLE" --accounts all --threads 64 --out "$OUT/boto3-org.json"
save_log "$OUT/requests-boto3-org.json"
clear_log
redoubt_cmd; measure redoubt-one "${LAUNCH[@]}" "${ONE_ARGS[@]}" --out "$OUT/redoubt-one.json"
save_log "$OUT/requests-redoubt-one.json"
clear_log
boto3_cmd; measure boto3-one "${BOTO3[@]}" --profile "$MGMT" --role "$ROLE" --accounts "$ONE" --threads 32 --out "$OUT/boto3-one.json"
save_log "$OUT/requests-boto3-one.json"
redoubt_cmd; measure redoubt-one-jar "${REDOUBT[@]}" -jar "$JAR" "${ONE_ARGS[@]}" --out "$OUT/redoubt-one-jar.json"
redoubt_cmd; measure redoubt-audit "${LAUNCH[@]}" audit --estate "$OUT/redoubt-org.json" --format html --out "$OUT/audit.html"

echo "BENCH what                                     | redoubt s | boto3 s | redoubt/boto3 | redoubt RSS MB | boto3 RSS MB"
row "whole organization (64 boto3 threads)" redoubt-org boto3-org
row "one account $ONE (32 boto3 threads)" redoubt-one boto3-one
row "one account, plain java -jar" redoubt-one-jar boto3-one
row "open and judge the capture (audit, HTML)" redoubt-audit -
echo "BENCH uptime after:$(uptime | sed 's/.*up/ up/')"

echo "BENCH-INFO redoubt org: $(grep -h '^Scanned' "$OUT/redoubt-org.out" "$OUT/redoubt-org.err" || true)"
echo "BENCH-INFO boto3 org: $(cat "$OUT/boto3-org.out")"
echo "BENCH-INFO redoubt one: $(grep -h '^Scanned' "$OUT/redoubt-one.out" "$OUT/redoubt-one.err" || true)"
echo "BENCH-INFO one account, the launcher's capture and plain java -jar's: content sha256 $(content_digest "$OUT/redoubt-one.json") and $(content_digest "$OUT/redoubt-one-jar.json")"
echo "BENCH-INFO boto3 one: $(cat "$OUT/boto3-one.out")"
counts "$OUT/requests-redoubt-org.json" "$OUT/requests-boto3-org.json" org
counts "$OUT/requests-redoubt-one.json" "$OUT/requests-boto3-one.json" one
for run in redoubt-org boto3-org redoubt-one boto3-one; do
    python3 bench/request_log_profile.py "$OUT/requests-$run.json" "$run" $(cut -d' ' -f3,4 "$OUT/$run.time")
done

if [ "$JFR" = 1 ]; then
    rm -f "$OUT/scan.jfr"
    redoubt_cmd; measure redoubt-org-jfr "${REDOUBT[@]}" -XX:StartFlightRecording=filename="$OUT/scan.jfr",settings=profile -jar "$JAR" \
        scan --profile "$MGMT" --accounts all --role "$ROLE" --regions all --out "$OUT/redoubt-org-jfr.json"
    echo "BENCH-INFO jfr: org scan with Flight Recorder: $(wall redoubt-org-jfr) s, $(rss_mb redoubt-org-jfr) MB; $OUT/scan.jfr"
    jfr print --events jdk.ExecutionSample "$OUT/scan.jfr" | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
        | sort | uniq -c | sort -rn | head -25 | sed 's/^/BENCH-INFO jfr top frame: /'
fi

if [ "$FAULTS" = 1 ]; then
    stop_sandbox
    start_sandbox --latency-ms 20 --throttle-rate 0.2 --error-rate 0.05
    # the same untimed warm-up as the fault-free sandbox had, so both timed scans meet a warm sandbox
    redoubt_cmd; measure warmup-org-faults "${LAUNCH[@]}" "${ORG_ARGS[@]}" --out "$OUT/warmup-org-faults.json"
    clear_log
    redoubt_cmd; measure redoubt-org-faults "${LAUNCH[@]}" "${ORG_ARGS[@]}" --out "$OUT/redoubt-org-faults.json"
    save_log "$OUT/requests-redoubt-org-faults.json"
    python3 bench/request_log_profile.py "$OUT/requests-redoubt-org-faults.json" redoubt-org-faults $(cut -d' ' -f3,4 "$OUT/redoubt-org-faults.time")
    a=$(content_digest "$OUT/redoubt-org.json")
    b=$(content_digest "$OUT/redoubt-org-faults.json")
    same=$([ "$a" = "$b" ] && echo identical || echo DIFFERENT)
    printf 'BENCH %-40s | %8.2f | faults %8.2f | ratio %5.2f | captures %s (content sha256 %s, %s)\n' "org scan fault-free vs 20%/5% faults" \
        "$(wall redoubt-org)" "$(wall redoubt-org-faults)" "$(echo "$(wall redoubt-org-faults) $(wall redoubt-org)" | awk '{printf "%.2f", $1 / $2}')" \
        "$same" "$a" "$b"
    echo "BENCH uptime after faults:$(uptime | sed 's/.*up/ up/')"
fi
