#!/usr/bin/env bash
# The organization scan's peak RSS and its tail (from the sandbox's last answer to the process's exit: assembling,
# writing and hashing the capture, journaling), two jars side by side in one run, alternately, on one sandbox with
# 20 ms latency serving the generated estate; the captures' content digests (all but CapturedAt) must agree.
#
#   bench/scan-tail.sh BEFORE.jar AFTER.jar [ROUNDS] [SANDBOX-ARGS...]
#   JVM_SETS='plain|-XX:+UseSerialGC -XX:TieredStopAtLevel=1'   JVM option sets to run each jar with, '|'-separated
#
# Needs the generated estate in target/bench/estate-200000.json (bench/scan.sh or `redoubt estate generate` makes it).
set -euo pipefail
cd "$(dirname "$0")/.."
A=$1 B=$2 ROUNDS=${3:-2}
shift $(( $# < 3 ? $# : 3 ))
ESTATE=target/bench/estate-200000.json
OUT=$(mktemp -d /tmp/redoubt-scan-tail.XXXXXX)
JVM_SETS=${JVM_SETS:-'plain|-XX:+UseSerialGC -XX:TieredStopAtLevel=1'}
CONFIG=$OUT/aws.config
java -Xmx3g -jar "$A" sandbox --estate "$ESTATE" --port 0 --as-captured --latency-ms 20 --write-aws-config "$CONFIG" "$@" \
    >"$OUT/sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null; wait $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 240); do grep -q "listening on" "$OUT/sandbox.log" 2>/dev/null && [ -s "$CONFIG" ] && break; sleep 0.5; done
PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$OUT/sandbox.log" | head -1 | sed 's/.*://')
mkdir -p "$OUT/home"

scan() { # JAR OPTS NAME: one org scan; prints NAME wall, CPU, RSS, tail, digest
    local jar=$1 opts=$2 name=$3 t1
    [ "$opts" = plain ] && opts=
    curl -sf -X DELETE -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/_sandbox/requests" >/dev/null
    rm -rf "$OUT/redoubt-home" "$OUT/$name.json"
    # shellcheck disable=SC2086
    env REDOUBT_HOME="$OUT/redoubt-home" HOME="$OUT/home" AWS_CONFIG_FILE="$CONFIG" AWS_SHARED_CREDENTIALS_FILE="$OUT/none" \
        AWS_EC2_METADATA_DISABLED=true /usr/bin/time -o "$OUT/$name.time" -f '%e %U %S %M' \
        java $opts -jar "$jar" scan --profile gen-mgmt-0000-AuditReadOnly --accounts all --role AuditReadOnly --regions all \
        --out "$OUT/$name.json" >"$OUT/$name.out" 2>"$OUT/$name.err" || { echo "scan $name failed:"; tail -5 "$OUT/$name.err"; }
    t1=$(date +%s.%N)
    curl -sf "http://127.0.0.1:$PORT/_sandbox/requests" >"$OUT/$name.requests.json"
    python3 - "$OUT/$name.requests.json" "$t1" "$OUT/$name.time" "$name" \
        "$(sed '0,/"CapturedAt"/{/"CapturedAt"/d}' "$OUT/$name.json" | sha256sum | cut -c1-16)" <<'PY'
import datetime, json, sys
reqs = json.load(open(sys.argv[1]))["requests"]
last = max(datetime.datetime.fromisoformat(r["time"].replace("Z", "+00:00")).timestamp() for r in reqs)
wall, user, sys_, rss = open(sys.argv[3]).read().split()[-4:]
print(f"{sys.argv[4]:<28} wall {float(wall):5.1f} s  cpu {float(user) + float(sys_):5.1f} s  peak RSS {int(rss) // 1024:5d} MB"
      f"  after the last answer {float(sys.argv[2]) - last:5.2f} s  requests {len(reqs)}  content {sys.argv[5]}")
PY
}

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/'); $(java -version 2>&1 | head -1)"
echo "A = $A, B = $B; sandbox $* on $ESTATE"
scan "$A" plain warm-up >/dev/null # the sandbox's own JIT warm-up is not the client's
IFS='|' read -ra SETS <<<"$JVM_SETS"
for r in $(seq "$ROUNDS"); do
    for i in "${!SETS[@]}"; do
        scan "$A" "${SETS[$i]}" "A-opts$i-r$r"
        scan "$B" "${SETS[$i]}" "B-opts$i-r$r"
    done
done
for i in "${!SETS[@]}"; do echo "opts$i: ${SETS[$i]}"; done
echo "load after: $(uptime | sed 's/.*load/load/'); files in $OUT"
