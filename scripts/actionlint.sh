#!/usr/bin/env bash
# Finds the pinned actionlint (scripts/actionlint.version, the one place the version is named) or installs
# it into the project-local, git-ignored .tools/ directory, and prints the path of .tools/bin/actionlint
# pointing at it. CI lints every workflow in .github/workflows with it.
# Search order: $ACTIONLINT_PATH (must be the pinned version), `actionlint` on PATH, .tools/actionlint-<version>/.
# Install: `go install` from the Go module proxy (a registry CI reaches; release downloads may not be).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=$(tr -d '[:space:]' < "$project_root/scripts/actionlint.version")
local_dir="$tools_dir/actionlint-$version"

# `actionlint -version` prints the version on its first line, e.g. "1.7.12" or "v1.7.12".
version_of() { "$1" -version 2>/dev/null | head -n 1 | sed 's/^v//'; }

if [ -n "${ACTIONLINT_PATH:-}" ]; then
  [ -x "$ACTIONLINT_PATH" ] || die "ACTIONLINT_PATH=$ACTIONLINT_PATH is not an executable file."
  found=$(version_of "$ACTIONLINT_PATH")
  [ "$found" = "$version" ] || die "ACTIONLINT_PATH=$ACTIONLINT_PATH is actionlint ${found:-of unknown version}; TrailWarden pins $version (scripts/actionlint.version). Unset ACTIONLINT_PATH to let this script install it."
  link_tool actionlint "$ACTIONLINT_PATH"; exit 0
fi

on_path=$(command -v actionlint || true)
if [ -n "$on_path" ] && [ "$(version_of "$on_path")" = "$version" ]; then
  link_tool actionlint "$on_path"; exit 0
fi

if [ -x "$local_dir/actionlint" ] && [ "$(version_of "$local_dir/actionlint")" = "$version" ]; then
  link_tool actionlint "$local_dir/actionlint"; exit 0
fi

command -v go >/dev/null \
  || die "cannot install actionlint $version: Go is not installed. Install Go (https://go.dev/dl/) and rerun, or put actionlint $version on PATH, or set ACTIONLINT_PATH."
say "installing actionlint $version into $local_dir with 'go install github.com/rhysd/actionlint/cmd/actionlint@v$version' (one time) ..."
mkdir -p "$local_dir"
GOBIN="$local_dir" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@v$version" >&2 \
  || die "go install of actionlint $version failed (see above)."
found=$(version_of "$local_dir/actionlint")
[ "$found" = "$version" ] || die "the installed $local_dir/actionlint reports version '${found}', expected $version."
link_tool actionlint "$local_dir/actionlint"
