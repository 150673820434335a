#!/usr/bin/env bash
# Finds the pinned OPA (scripts/opa.version, the one place the version is named) or installs it into the
# project-local, git-ignored .tools/ directory, and prints the path of .tools/bin/opa pointing at it.
# Search order: $OPA_PATH (must be the pinned version), `opa` on PATH, .tools/opa-<version>/opa.
# Install order: the release binary (checksum verified), else `go install` from the Go module proxy.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

version=$(tr -d '[:space:]' < "$project_root/scripts/opa.version")
local_dir="$tools_dir/opa-$version"

version_of() { "$1" version 2>/dev/null | sed -n 's/^Version: //p'; }

if [ -n "${OPA_PATH:-}" ]; then
  [ -x "$OPA_PATH" ] || die "OPA_PATH=$OPA_PATH is not an executable file."
  found=$(version_of "$OPA_PATH")
  [ "$found" = "$version" ] || die "OPA_PATH=$OPA_PATH is OPA ${found:-of unknown version}; TrailWarden pins $version (scripts/opa.version). Unset OPA_PATH to let this script install it."
  link_tool opa "$OPA_PATH"; exit 0
fi

on_path=$(command -v opa || true)
if [ -n "$on_path" ] && [ "$(version_of "$on_path")" = "$version" ]; then
  link_tool opa "$on_path"; exit 0
fi

if [ -x "$local_dir/opa" ] && [ "$(version_of "$local_dir/opa")" = "$version" ]; then
  link_tool opa "$local_dir/opa"; exit 0
fi

download() {
  local os arch asset url tmp
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  case "$(uname -m)" in x86_64|amd64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) return 1 ;; esac
  case "$os" in linux) asset="opa_${os}_${arch}_static" ;; darwin) asset="opa_${os}_${arch}" ;; *) return 1 ;; esac
  command -v curl >/dev/null || return 1
  url="https://github.com/open-policy-agent/opa/releases/download/v$version/$asset"
  tmp=$(mktemp -d)
  if curl -fsSL --connect-timeout 10 --max-time 300 -o "$tmp/opa" "$url" \
     && curl -fsSL --connect-timeout 10 --max-time 60 -o "$tmp/opa.sha256" "$url.sha256" \
     && [ "$(awk '{print $1}' "$tmp/opa.sha256")" = "$(sha256sum "$tmp/opa" | awk '{print $1}')" ]; then
    chmod +x "$tmp/opa"
    mkdir -p "$local_dir" && mv "$tmp/opa" "$local_dir/opa"
    rm -rf "$tmp"; return 0
  fi
  rm -rf "$tmp"; return 1
}

say "installing OPA $version into $local_dir (one time) ..."
if download; then
  say "downloaded the OPA $version release binary."
elif command -v go >/dev/null; then
  say "release download not reachable; building with 'go install github.com/open-policy-agent/opa@v$version' (about 2 minutes) ..."
  GOBIN="$local_dir" GOFLAGS=-mod=mod go install "github.com/open-policy-agent/opa@v$version" >&2 \
    || die "go install of OPA $version failed (see above)."
else
  die "cannot install OPA $version: the release download failed and Go is not installed. Install Go (https://go.dev/dl/) and rerun, or put OPA $version on PATH, or set OPA_PATH."
fi
found=$(version_of "$local_dir/opa")
[ "$found" = "$version" ] || die "the installed $local_dir/opa reports version '${found}', expected $version."
link_tool opa "$local_dir/opa"
