#!/usr/bin/env bash
# Installs the AWS API emulator used by the integration tests and the demo — moto's server, pinned,
# from PyPI — into a project-local virtualenv under .tools/, and prints the path of .tools/bin/moto_server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=5.2.5
venv="$tools_dir/moto-$version"
server="$venv/bin/moto_server"

if ! [ -x "$server" ] || ! "$venv/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$version')" 2>/dev/null; then
  python=$(command -v python3 || true)
  [ -n "$python" ] || die "Python 3 is needed for the AWS emulator (moto): install python3 (with venv) and rerun."
  say "installing moto[server]==$version into $venv (one time) ..."
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 || die "cannot create a virtualenv with $python: install the venv module (Debian: apt-get install python3-venv)."
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$version" >&2 \
    || die "pip install of moto[server]==$version failed (see above)."
fi
link_tool moto_server "$server"
