#!/usr/bin/env bash
# Installs Prowler (pinned, from PyPI) into its own virtualenv under .tools/ and prints the path of
# .tools/bin/prowler. Only bench/collect.sh uses it, to run Prowler side by side with TrailWarden on the
# same emulated organization; it is never a project dependency and nothing ships it. About 8 minutes, once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=5.46.0
venv="$tools_dir/prowler-$version"
prowler="$venv/bin/prowler"

if ! [ -x "$prowler" ] || [ "$("$venv/bin/pip" show prowler 2>/dev/null | sed -n 's/^Version: //p')" != "$version" ]; then
  python=$(command -v python3 || true)
  [ -n "$python" ] || die "Python 3 is needed for Prowler: install python3 (with venv) and rerun."
  say "installing prowler==$version into $venv (one time, about 8 minutes) ..."
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 || die "cannot create a virtualenv with $python: install the venv module (Debian: apt-get install python3-venv)."
  "$venv/bin/pip" install --quiet --disable-pip-version-check "prowler==$version" >&2 \
    || die "pip install of prowler==$version failed (see above)."
fi
link_tool prowler "$prowler"
