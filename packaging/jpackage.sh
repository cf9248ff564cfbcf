#!/usr/bin/env bash
# Builds a self-contained Redoubt application image (runtime included) from the fat jar:
#   packaging/jpackage.sh [app-image|deb|rpm|dmg|msi]     (default: app-image)
# The result is in target/dist/. A `redoubt` launcher inside runs the GUI, or commands with arguments. `redoubt-cli` runs
# commands: on Linux it is packaging/bin/redoubt, which picks the JVM options per command and makes its class-data-sharing
# archives in the user's cache; elsewhere a native launcher with the scans' options (C1 only, serial GC) and an archive made
# here by a training run (a scan of the demo's sandbox). The window's `redoubt` gets an archive from a training run that
# opens the demo under Xvfb (when xvfb-run is installed; else it runs without one); see docs/performance.md, "Start-up".
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
[ -f target/redoubt.jar ] || ./mvnw -B -q package -DskipTests
version=$(sed -n 's/^version=//p' target/classes/dev/redoubt/app/version.properties | sed 's/-SNAPSHOT//')
# jdeps misses modules loaded by name; add them by hand (Ed25519/ECDHE, locales, charsets, the sandbox's HTTP server).
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 target/redoubt.jar 2>/dev/null || echo java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,jdk.unsupported,java.management,java.xml)
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.httpserver,jdk.zipfs"
rm -rf target/dist && mkdir -p target/dist target/jpackage-input
cp target/redoubt.jar target/jpackage-input/
icon=icons/redoubt-256.png
# The command-line launcher. Its archive is valid only for the image it was made in (JDK 17 checks the jar's path): an
# image moved or installed elsewhere loads classes as usual, silently (the CDS log is off, all JVM warnings on stderr).
quiet="-Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr"
cat >target/jpackage-cli.properties <<PROPS
java-options=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=\$APPDIR/redoubt-cli.jsa $quiet
PROPS
# The window: short GC pauses, C2 for the hottest methods only (as bin/redoubt gives the window), and its archive.
hot_c2=$(sed -n 's/^hot_c2="\(.*\)"$/\1/p' packaging/bin/redoubt)   # one definition, in bin/redoubt
[ -n "$hot_c2" ] || { echo "jpackage.sh: no hot_c2 line in packaging/bin/redoubt" >&2; exit 1; }
window_opts="-XX:MaxGCPauseMillis=50 $hot_c2"
# On Linux every package is made from the app image built here first, so that its bin/redoubt-cli can be bin/redoubt (the
# POSIX launcher, which picks the JVM options per command: C1 only for a scan, C2 for an audit's hottest methods) instead
# of a native launcher with one set of options for every command; elsewhere jpackage makes the package directly.
linux=no
[ "$(uname -s)" = Linux ] && linux=yes
first=$type
[ "$linux" = yes ] && first=app-image
jpackage --type "$first" --dest target/dist --name redoubt --app-version "${version:-0.1.0}" \
    --input target/jpackage-input --main-jar redoubt.jar --main-class dev.redoubt.app.Launcher \
    --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
    --icon "$icon" --description "Check and exercise the protection of your AWS backups" \
    --java-options "$window_opts -XX:SharedArchiveFile=\$APPDIR/redoubt.jsa $quiet" \
    --vendor "Redoubt" \
    --add-launcher redoubt-cli=target/jpackage-cli.properties \
    $( [ "$first" != app-image ] && echo "--license-file LICENSE" )
if [ "$linux" = yes ]; then
    # The POSIX launcher finds the image's jar (lib/app) and runtime (lib/runtime) beside it, and makes one archive per kind
    # of command in the user's cache on first use, as it does beside a plain jar.
    cp packaging/bin/redoubt target/dist/redoubt/bin/redoubt-cli
    chmod 755 target/dist/redoubt/bin/redoubt-cli
    rm -f target/dist/redoubt/lib/app/redoubt-cli.cfg
fi
if [ "$first" = app-image ]; then
    image=$(cd target/dist && ls -d */ | head -1)
    image=$(cd "target/dist/$image" && pwd)
    java_bin="$image/lib/runtime/bin/java"
    app="$image/lib/app"
    train=target/jpackage-train
    rm -rf "$train" && mkdir -p "$train"
    if [ "$linux" = no ]; then
        # Training run for the native redoubt-cli (on Linux it is the POSIX launcher, which makes its own archives): the
        # image's runtime scans the demo's sandbox once and writes the archive as it exits.
        "$java_bin" -jar "$app/redoubt.jar" sandbox --demo --port 0 --write-aws-config "$train/aws.config" >"$train/sandbox.log" 2>&1 &
        sandbox=$!
        for _ in $(seq 60); do grep -q "listening on" "$train/sandbox.log" && [ -s "$train/aws.config" ] && break; sleep 1; done
        profile=$(grep -o '^\[profile [^]]*-AuditReadOnly\]' "$train/aws.config" | head -1 | sed 's/\[profile \(.*\)\]/\1/')
        env REDOUBT_HOME="$train/home" AWS_CONFIG_FILE="$train/aws.config" AWS_SHARED_CREDENTIALS_FILE="$train/none" AWS_EC2_METADATA_DISABLED=true \
            "$java_bin" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr \
            -XX:ArchiveClassesAtExit="$app/redoubt-cli.jsa" -cp "$app/redoubt.jar" dev.redoubt.app.Launcher \
            scan --profile "$profile" --accounts all --role AuditReadOnly --out "$train/capture.json" >"$train/scan.log" 2>&1 || true
        kill "$sandbox" 2>/dev/null || true
        wait "$sandbox" 2>/dev/null || true
        [ -s "$app/redoubt-cli.jsa" ] && echo "Made $app/redoubt-cli.jsa (the command-line launcher's archive)" \
            || echo "No archive made (see $train/scan.log): redoubt-cli runs without one"
    fi
    # The window's training run: it opens the demo (sandbox, sign-in, scan, audit, the overview drawn) and closes
    # (-Dredoubt.bench=demo,exit, dev.redoubt.app.BenchProbe), writing the archive as the JVM exits.
    if command -v xvfb-run >/dev/null 2>&1; then
        # shellcheck disable=SC2086 # options are words
        env REDOUBT_HOME="$train/window-home" HOME="$train/window-user" AWS_EC2_METADATA_DISABLED=true \
            xvfb-run -a -s "-screen 0 1600x1000x24" "$java_bin" $window_opts $quiet -XX:ArchiveClassesAtExit="$app/redoubt.jsa" \
            -Dredoubt.bench=demo,exit -cp "$app/redoubt.jar" dev.redoubt.app.Launcher >"$train/window.log" 2>&1 || true
    fi
    [ -s "$app/redoubt.jsa" ] && echo "Made $app/redoubt.jsa (the window's archive)" \
        || echo "No window archive made (xvfb-run missing, or see $train/window.log): the window runs without one"
fi
if [ "$type" != "$first" ]; then
    # The package, from the image above. Its archives were made for the image's path here: installed elsewhere (/opt/redoubt)
    # the window runs without its archive, silently, and the POSIX redoubt-cli makes its own on first use.
    jpackage --type "$type" --app-image target/dist/redoubt --dest target/dist --name redoubt --app-version "${version:-0.1.0}" \
        --description "Check and exercise the protection of your AWS backups" --vendor "Redoubt" --icon "$icon" \
        --license-file LICENSE $( [ "$type" = deb ] && echo "--linux-shortcut --linux-menu-group Utility" )
fi
echo "Built target/dist ($type)"
