#!/usr/bin/env bash
# The floor under issue 16's audit target (open and judge the 200,000-point capture in under 3 s), side by side
# in one run with Redoubt's own audit of the same file:
#   - a cold JVM that only tokenizes the capture with Jackson's streaming parser (every string value decoded, nothing
#     kept): the least any reader of this JSON does;
#   - a cold JVM that only computes SHA-256 over 350 MB (what the results digest hashes for this capture);
#   - `redoubt audit --estate FILE --format html` through the launcher, its phases (-Dredoubt.bench=phases) and the CPU
#     of its JIT compilers and collector;
#   - and once, the heap the capture holds once read (item 3: a few hundred bytes a recovery point);
#   - and once, the same audit 5 times in a row in one JVM (bench/WarmAudit.java): the first run pays the cold JVM, the
#     later ones what the work costs once compiled (as in a console that has opened a capture before).
# All three with the launcher's JVM options for `audit` (serial collector, C2 for the hottest methods only).
#   bench/floor.sh [runs]     (default 2 runs of each)
# The estate is generated once into target/bench-estate-200k.json (as bench/audit-open.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2}"
case "$runs" in
    ''|*[!0-9]*|0) echo "usage: $0 [runs]   (runs: a whole number from 1, default 2; got '$runs')" >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "usage: $0 [runs]   (one argument at most)" >&2; exit 2; }
jar=target/redoubt.jar
launcher=target/bin/redoubt
[ -f "$jar" ] && [ -x "$launcher" ] || ./mvnw -B -q -o package -DskipTests -Djacoco.skip=true
estate=target/bench-estate-200k.json
[ -f "$estate" ] || java -jar "$jar" estate generate --accounts 20 --regions 3 --vaults-per-region 5 \
    --recovery-points 200000 --seed 1 --out "$estate" >/dev/null
classes=target/bench-classes
mkdir -p "$classes"
javac -cp "$jar" -d "$classes" bench/CaptureFloor.java bench/EstateHeap.java bench/WarmAudit.java
opts="-XX:+UseSerialGC $(sed -n 's/^hot_c2="\(.*\)"$/\1/p' "$launcher")"
home=$(mktemp -d)
cds=$(mktemp -d)
trap 'rm -rf "$home" "$cds"' EXIT
audit() { # one audit in a fresh Redoubt home, the launcher's class-data archive kept in $cds across runs
    rm -rf "${home:?}"/*
    { REDOUBT_HOME="$home" REDOUBT_CDS_DIR="$cds" REDOUBT_JAVA_OPTS=-Dredoubt.bench=phases \
        /usr/bin/time -f "TIME %e %U %S %M" "$launcher" audit --estate "$estate" --format html --out "$home/report.html" 2>&1; } || true
}
audit >/dev/null # untimed: makes the launcher's archive, as a user's first audit does
echo "BENCH floor: $(nproc) cores; $(uptime | sed 's/.*up/up/'); commit $(git rev-parse --short HEAD); $estate ($(du -m "$estate" | cut -f1) MB); JVM options $opts"
java -XX:+UseSerialGC -cp "$jar:$classes" EstateHeap "$estate"
for i in $(seq "$runs"); do
    /usr/bin/time -f "BENCH floor   whole process %e s wall, %U s user + %S s sys" java $opts -cp "$jar:$classes" CaptureFloor tokens "$estate"
    /usr/bin/time -f "BENCH floor   whole process %e s wall, %U s user + %S s sys" java $opts -cp "$jar:$classes" CaptureFloor sha 350
    out=$(audit)
    read -r wall user sys rss <<<"$(grep '^TIME' <<<"$out" | cut -d' ' -f2-)"
    printf 'BENCH floor redoubt audit (launcher): %s s wall, %s s user + %s s sys, peak RSS %d MB\n' \
        "$wall" "$user" "$sys" $((rss / 1024))
    grep '^BENCH audit' <<<"$out" | sed 's/^/    /' || true
done
rm -rf "${home:?}"/*
REDOUBT_HOME="$home" java $opts -Dredoubt.bench=phases -cp "$jar:$classes" WarmAudit 5 "$estate"
