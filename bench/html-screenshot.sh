#!/usr/bin/env bash
# Photographs the demo's HTML report for the README: runs `./trailwarden demo` into target/screenshot/,
# then headless Chromium (scripts/chromium.sh) takes a screenshot of the top of reports/trailwarden.html.
# Run by hand; writes docs/images/html-report.png (or the path given as $1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=target/screenshot
png=$(realpath -m "${1:-docs/images/html-report.png}")
chromium=$(bash scripts/chromium.sh)

rm -rf "$out"
mkdir -p "$out" "$(dirname "$png")"
set +e
./trailwarden demo --output-dir "$out" > "$out/demo.log" 2>&1
code=$?
set -e
[ "$code" -le 1 ] || { cat "$out/demo.log"; echo "html-screenshot: the demo exited $code" >&2; exit 1; }

args=(--headless=new --disable-gpu --hide-scrollbars "--window-size=1200,1180" --force-device-scale-factor=1
  --disable-background-networking --disable-component-update --no-first-run "--screenshot=$(realpath -m "$png")")
[ "$(id -u)" != 0 ] || args+=(--no-sandbox)   # Chromium refuses to run as root inside its sandbox
"$chromium" "${args[@]}" "file://$root/$out/trailwarden.html" 2>/dev/null
echo "html-screenshot: $png ($(wc -c < "$png") bytes) from $out/trailwarden.html"
