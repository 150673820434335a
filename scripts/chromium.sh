#!/usr/bin/env bash
# Finds headless Chromium and its chromedriver by command name (Debian's packages `chromium` and
# `chromium-driver`), installing them with apt-get when they are missing and this user may, and prints
# the path of the chromium command. The HTML report's browser test (HtmlReportBrowserTest) drives it;
# bench/html-screenshot.sh photographs the demo report with it. Test instrument only: never shipped.
# $CHROMIUM_PATH and $CHROMEDRIVER_PATH, when set, are used as they are.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

find_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then echo "$CHROMIUM_PATH"; return; fi
  command -v chromium || command -v chromium-browser || command -v google-chrome || true
}
find_driver() {
  if [ -n "${CHROMEDRIVER_PATH:-}" ]; then echo "$CHROMEDRIVER_PATH"; return; fi
  command -v chromedriver || true
}

if [ -z "$(find_browser)" ] || [ -z "$(find_driver)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing chromium and chromium-driver with apt-get (one time) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >&2 \
      || die "apt-get install chromium chromium-driver failed (see above)."
  else
    die "headless Chromium is needed for the HTML report's browser test: install it with 'sudo apt-get install chromium chromium-driver' (Debian/Ubuntu), or put chromium and chromedriver on PATH (or set CHROMIUM_PATH and CHROMEDRIVER_PATH), and rerun."
  fi
fi
browser=$(find_browser)
driver=$(find_driver)
[ -x "$browser" ] || die "chromium was not found after installing it (looked for chromium, chromium-browser on PATH)."
[ -x "$driver" ] || die "chromedriver was not found after installing chromium-driver."
"$browser" --version >/dev/null 2>&1 || die "$browser --version failed: the browser does not run."
echo "$browser"
