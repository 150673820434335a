#!/usr/bin/env bash
# Installs the AWS CLI (v1, pinned, from PyPI) into its own virtualenv under .tools/ — apart from moto's,
# whose botocore it would otherwise fight over — and prints the path of .tools/bin/aws. Only the
# log-integrity benchmark uses it, as the independent verifier of the fixture chain; nothing ships it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=1.46.2
venv="$tools_dir/awscli-$version"
aws="$venv/bin/aws"

if ! [ -x "$aws" ] || ! "$venv/bin/python" -c "import awscli, sys; sys.exit(awscli.__version__ != '$version')" 2>/dev/null; then
  python=$(command -v python3 || true)
  [ -n "$python" ] || die "Python 3 is needed for the AWS CLI: install python3 (with venv) and rerun."
  say "installing awscli==$version into $venv (one time) ..."
  rm -rf "$venv"
  "$python" -m venv "$venv" >&2 || die "cannot create a virtualenv with $python: install the venv module (Debian: apt-get install python3-venv)."
  "$venv/bin/pip" install --quiet --disable-pip-version-check "awscli==$version" >&2 \
    || die "pip install of awscli==$version failed (see above)."
fi
link_tool aws "$aws"
