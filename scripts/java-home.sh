#!/usr/bin/env bash
# Prints the home of a JDK whose feature version is at least 21, chosen by version, not by path:
# $JAVA_HOME if it qualifies, else `java` on PATH, else the newest JDK in the usual install folders.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
minimum=21

# feature_version HOME: the major version of the JDK at HOME (with javac), or nothing. Read from the
# JDK's `release` file (every JDK since 9 has one), which costs no JVM start: the launcher asks this on
# every run. Only a JDK without it is asked through its own JVM.
feature_version() {
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9.]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  v=${v#1.}
  echo "${v%%.*}"
}

qualifies() { local v; v=$(feature_version "$1"); [ -n "$v" ] && [ "$v" -ge "$minimum" ]; }

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if java_bin=$(command -v java); then
  home=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
  if qualifies "$home"; then echo "$home"; exit 0; fi
fi

best="" best_version=0
for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
            /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$home" ] && [ ! -L "$home" ] || continue
  v=$(feature_version "$home")
  if [ -n "$v" ] && [ "$v" -ge "$minimum" ] && [ "$v" -gt "$best_version" ]; then best=$home best_version=$v; fi
done
[ -n "$best" ] || die "no JDK $minimum or newer found (looked at JAVA_HOME, PATH and the usual install folders). Install one, e.g. 'apt-get install openjdk-21-jdk' or from https://adoptium.net/, and/or set JAVA_HOME."
echo "$best"
