#!/usr/bin/env bash
# Builds a self-contained Redoubt application image (runtime included) from the fat jar:
#   packaging/jpackage.sh [app-image|deb|rpm|dmg|msi]     (default: app-image)
# The result is in target/dist/. A `redoubt` launcher inside runs the GUI, or commands with arguments.
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
jpackage --type "$type" --dest target/dist --name redoubt --app-version "${version:-0.1.0}" \
    --input target/jpackage-input --main-jar redoubt.jar --main-class dev.redoubt.app.Launcher \
    --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files" \
    --icon "$icon" --description "Check and exercise the protection of your AWS backups" \
    --java-options "-XX:MaxGCPauseMillis=50" \
    --vendor "Redoubt" \
    $( [ "$type" != app-image ] && echo "--license-file LICENSE" ) \
    $( [ "$type" = deb ] && echo "--linux-shortcut --linux-menu-group Utility" )
echo "Built target/dist ($type)"
