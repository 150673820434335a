#!/usr/bin/env bash
# Installs Microsoft's SARIF validator (@microsoft/sarif-multitool, from npm) into .tools/ and prints the
# path of .tools/bin/sarif-multitool. The report tests validate SARIF with it using GitHub's rule set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=5.7.0
prefix="$tools_dir/sarif-multitool-$version"
bin="$prefix/node_modules/.bin/sarif-multitool"

if ! [ -x "$bin" ] || ! "$bin" --version >/dev/null 2>&1; then
  command -v npm >/dev/null || die "npm is needed to install the SARIF validator: install Node.js (https://nodejs.org/) and rerun."
  say "installing @microsoft/sarif-multitool@$version into $prefix (one time) ..."
  npm install --silent --no-fund --no-audit --prefix "$prefix" "@microsoft/sarif-multitool@$version" >&2 \
    || die "npm install of @microsoft/sarif-multitool@$version failed (see above)."
  # npm may not run the package's postinstall (which only marks the native binary executable).
  find "$prefix/node_modules/@microsoft" -name 'Sarif.Multitool' -type f -exec chmod u+x {} +
  "$bin" --version >/dev/null 2>&1 || die "the installed SARIF validator does not run: $bin --version failed."
fi
link_tool sarif-multitool "$bin"
