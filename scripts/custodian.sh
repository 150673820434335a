#!/usr/bin/env bash
# Installs Cloud Custodian (c7n and c7n-org, pinned, from PyPI) into its own virtualenv under .tools/ and
# prints the path of .tools/bin/c7n-org. Only bench/collect.sh uses it, to run Custodian side by side with
# TrailWarden on the same emulated organization; it is never a project dependency and nothing ships it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

c7n_version=0.9.53
org_version=0.6.52
venv="$tools_dir/custodian-$c7n_version"
c7n_org="$venv/bin/c7n-org"

installed() { "$venv/bin/pip" show "$1" 2>/dev/null | sed -n 's/^Version: //p'; }
if ! [ -x "$c7n_org" ] || [ "$(installed c7n)" != "$c7n_version" ] || [ "$(installed c7n-org)" != "$org_version" ]; then
  python=$(command -v python3 || true)
  [ -n "$python" ] || die "Python 3 is needed for Cloud Custodian: install python3 (with venv) and rerun."
  say "installing c7n==$c7n_version c7n-org==$org_version into $venv (one time) ..."
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 || die "cannot create a virtualenv with $python: install the venv module (Debian: apt-get install python3-venv)."
  "$venv/bin/pip" install --quiet --disable-pip-version-check "c7n==$c7n_version" "c7n-org==$org_version" >&2 \
    || die "pip install of c7n==$c7n_version c7n-org==$org_version failed (see above)."
fi
link_tool custodian "$venv/bin/custodian" >/dev/null
link_tool c7n-org "$c7n_org"
