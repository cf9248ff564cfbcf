#!/usr/bin/env bash
# The JVM options of bin/redoubt, measured: each kind of command (one-account scan, org scan, audit) under each set of
# options, in turns (A B C ... A B C ...), against one warm sandbox serving the generated estate with 20 ms latency.
# Every figure is a whole process from /usr/bin/time: wall, the process's CPU (user + sys), peak RSS.
#
#   bench/jvm-options.sh [ROUNDS]     (default 2)    env BENCH_KINDS="one org audit" (default), BENCH_ONE_ACCOUNT
#
# Variants: plain `java -jar`; +cds (a dynamic class-data-sharing archive made by a training run of the same kind, as
# the launcher makes it); +cds +C1 (-XX:TieredStopAtLevel=1); +cds +C1 +serial (-XX:+UseSerialGC); +cds +serial (C2).
# Prints BENCH-OPT lines: kind, variant, round, wall s, CPU s, RSS MB; then the median of each.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-2}"
KINDS="${BENCH_KINDS:-one org audit}"
ONE="${BENCH_ONE_ACCOUNT:-200001000202}"
OUT=$(mkdir -p target/bench && cd target/bench && pwd)
JAR=target/redoubt.jar
ESTATE="$OUT/estate-200000.json"
[ -f "$JAR" ] || ./mvnw -q -o package -DskipTests -Djacoco.skip=true
[ -s "$ESTATE" ] || java -jar "$JAR" estate generate --accounts 20 --regions 3 --vaults-per-region 5 --recovery-points 200000 \
    --seed 1 --out "$ESTATE" >&2

CONFIG="$OUT/opts-aws.config"
rm -f "$CONFIG"
java -Xmx3g -jar "$JAR" sandbox --estate "$ESTATE" --port 0 --as-captured --write-aws-config "$CONFIG" --latency-ms 20 >"$OUT/opts-sandbox.log" 2>&1 &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true; wait $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 180); do grep -q "listening on" "$OUT/opts-sandbox.log" 2>/dev/null && [ -s "$CONFIG" ] && break; sleep 1; done
MGMT=$(grep -o '^\[profile [^]]*-AuditReadOnly\]' "$CONFIG" | head -1 | sed 's/\[profile \(.*\)\]/\1/')
QUIET="-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr"

args_of() { # kind -> the command's arguments
    case $1 in
        one) echo "scan --profile $MGMT --accounts $ONE --role AuditReadOnly --regions all --out $OUT/opts-one.json" ;;
        org) echo "scan --profile $MGMT --accounts all --role AuditReadOnly --regions all --out $OUT/opts-org.json" ;;
        audit) echo "audit --estate $OUT/opts-capture.json --format html --out $OUT/opts-audit.html" ;;
    esac
}
run() { # name kind jvm-options...: prints wall cpu rss
    local name=$1 kind=$2; shift 2
    rm -rf "$OUT/opts-home"
    # shellcheck disable=SC2046
    /usr/bin/time -o "$OUT/opts.rusage" -f '%e %U %S %M' env REDOUBT_HOME="$OUT/opts-home" HOME="$OUT/opts-h" AWS_CONFIG_FILE="$CONFIG" \
        AWS_SHARED_CREDENTIALS_FILE="$OUT/none" AWS_EC2_METADATA_DISABLED=true java "$@" -jar "$JAR" $(args_of "$kind") \
        >"$OUT/opts-$name.out" 2>"$OUT/opts-$name.err" || { rc=$?; [ $rc = 4 ] || { echo "failed: $name $kind ($rc)" >&2; tail -5 "$OUT/opts-$name.err" >&2; exit 1; }; }
    awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$OUT/opts.rusage"
}

echo "BENCH-OPT machine: $(nproc) cores; uptime:$(uptime | sed 's/.*up/ up/'); commit $(git rev-parse --short HEAD); $(java -version 2>&1 | head -1)"
# Warm the sandbox, and make the capture the audit opens and one archive per kind (a training run, as the launcher's first run).
run warm org >/dev/null
cp "$OUT/opts-org.json" "$OUT/opts-capture.json"
for kind in $KINDS; do
    rm -f "$OUT/opts-$kind.jsa"
    run train-$kind "$kind" $QUIET -XX:ArchiveClassesAtExit="$OUT/opts-$kind.jsa" >/dev/null
done
: >"$OUT/opts-results.txt"
for round in $(seq "$ROUNDS"); do
    for kind in $KINDS; do
        A="$QUIET -XX:SharedArchiveFile=$OUT/opts-$kind.jsa"
        for variant in plain cds cds+C1 cds+C1+serial cds+serial; do
            case $variant in
                plain) o="" ;;
                cds) o="$A" ;;
                cds+C1) o="$A -XX:TieredStopAtLevel=1" ;;
                cds+C1+serial) o="$A -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
                cds+serial) o="$A -XX:+UseSerialGC" ;;
            esac
            # shellcheck disable=SC2086
            r=$(run "$kind-$variant" "$kind" $o)
            echo "$kind $variant $round $r" >>"$OUT/opts-results.txt"
            printf 'BENCH-OPT %-6s %-15s round %d: wall %6s s, cpu %6s s, rss %5s MB\n' "$kind" "$variant" "$round" $r
        done
    done
done
echo "BENCH-OPT uptime after:$(uptime | sed 's/.*up/ up/')"
python3 - "$OUT/opts-results.txt" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    kind, variant, _, wall, cpu, rss = line.split()
    rows[(kind, variant)].append((float(wall), float(cpu), float(rss)))
for (kind, variant), v in rows.items():
    med = [statistics.median(x[i] for x in v) for i in range(3)]
    print(f"BENCH-OPT median {kind:6s} {variant:15s}: wall {med[0]:6.2f} s, cpu {med[1]:6.2f} s, rss {med[2]:5.0f} MB ({len(v)} runs)")
PY
