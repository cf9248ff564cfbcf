#!/usr/bin/env bash
# Opens and judges the generated 200,000-point capture through the command line, as a user does
# (`redoubt audit --estate FILE --format html`), and prints wall time, CPU time, peak RSS and the
# results' digest per run (issue 16: under 3 s and under 600 MB RSS), then each phase's wall and CPU time in that
# process and the CPU of the JIT compilers and the collector (-Dredoubt.bench=phases; a jar before it prints none).
#   bench/audit-open.sh [runs] [extra JVM options...]      (default: 3 runs)
# REDOUBT_JAR picks another jar (to compare builds side by side); the estate is generated once into
# target/bench-estate-200k.json (20 accounts x 3 regions x 5 vaults, seed 1).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
shift || true
jar="${REDOUBT_JAR:-target/redoubt.jar}"
[ -f "$jar" ] || ./mvnw -B -q -o package -DskipTests -Djacoco.skip=true
estate=target/bench-estate-200k.json
[ -f "$estate" ] || java -jar "$jar" estate generate --accounts 20 --regions 3 --vaults-per-region 5 \
    --recovery-points 200000 --seed 1 --out "$estate" >/dev/null
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
echo "BENCH audit-open: $jar $* on $estate ($(du -m "$estate" | cut -f1) MB); $(uptime)"
for i in $(seq "$runs"); do
    rm -rf "${home:?}"/*
    out=$( { REDOUBT_HOME="$home" /usr/bin/time -f "TIME %e %U %S %M" java -Dredoubt.bench=phases "$@" -jar "$jar" audit --estate "$estate" \
        --format html --out "$home/report.html" 2>&1; } || true)
    read -r wall user sys rss <<<"$(grep '^TIME' <<<"$out" | cut -d' ' -f2-)"
    digest=$(sed -n 's/^Results SHA-256: //p' <<<"$out")
    printf 'BENCH audit-open run %d: wall %s s, cpu %s s user + %s s sys, peak RSS %d MB, results %s\n' \
        "$i" "$wall" "$user" "$sys" $((rss / 1024)) "${digest:-MISSING}"
    grep '^BENCH audit' <<<"$out" | sed 's/^/    /' || true
done
echo "BENCH audit-open end: $(uptime)"
