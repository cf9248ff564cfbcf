#!/bin/sh
# Renders the app icon PNGs from icons/redoubt.svg (needs rsvg-convert: apt-get install librsvg2-bin)
# and copies them to the classpath, where the app sets them as the window icons.
set -eu
cd "$(dirname "$0")"
resources=../src/main/resources/dev/redoubt/ui/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" redoubt.svg -o "redoubt-$size.png"
    cp "redoubt-$size.png" "$resources/"
done
