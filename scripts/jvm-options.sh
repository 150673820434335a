#!/usr/bin/env bash
# Prints the JVM options both launchers run VERB with: usage: jvm-options.sh VERB JAR EXAMPLE_SNAPSHOT
# (JAVA_HOME, OPA_PATH and TRAILWARDEN_RULES set, as the launchers set them). TRAILWARDEN_JAVA_OPTS,
# when set, replaces all of them (set it empty for the JVM's defaults).
#
# - evaluate and scan are short runs: C1 alone spares the CPU and the memory that C2 would spend
#   compiling code the run ends before using (evaluate at 10,000 accounts: 16 instead of 22 s of CPU, 377
#   instead of 493 MB peak for Java). The serial collector saved no memory beside it, and its
#   single-threaded young pauses added up to seconds on a loaded machine, so G1 stays. While OPA
#   evaluates, the JVM waits: a periodic collection after a second without one, and a heap shrunk to 40 %
#   free, hand the snapshot check's garbage back, when OPA is at its largest (peak of Java and OPA
#   together: 10,000 accounts 1,074 -> 956 MB, 50,000 accounts 4,651 -> 4,003 MB, wall time unchanged).
# - On a JDK of 25 or newer, an AOT cache (JEP 483/514): the classes a run loads, already parsed and
#   linked, which takes a small evaluate from 2.4 to 1.5 s. It is made once per jar and JDK by a
#   training run, an `evaluate` of the example snapshot (about 8 s), into the tools directory; a JVM
#   that cannot use it (another JDK, other flags) ignores it, and says nothing of it on the console.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
verb=$1 jar=$(readlink -f "$2") example=$(readlink -f "$3")

if [ -n "${TRAILWARDEN_JAVA_OPTS+set}" ]; then
  echo "$TRAILWARDEN_JAVA_OPTS"
  exit 0
fi
case "$verb" in
  evaluate | scan) options="-XX:TieredStopAtLevel=1 -XX:G1PeriodicGCInterval=1000 -XX:MaxHeapFreeRatio=40" ;;
  *) options="" ;;
esac

version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
if [ -z "$version" ] || [ "$version" -lt 25 ]; then
  echo "$options"
  exit 0
fi

# One cache per jar and JDK; an empty file records a training run that made none, so it is not retried
# on every run. The cache only saves time: when it cannot be made (a read-only tools directory, no space),
# the run goes on without it.
key=$(printf '%s\n%s\n' "$jar" "$(readlink -f "$JAVA_HOME")" | sha256sum | cut -c1-16)
cache="$tools_dir/aot/trailwarden-$key.aot"
train() {
  mkdir -p "$tools_dir/aot" 2>/dev/null || return 0
  say "preparing the JVM's start-up cache (once per build and JDK, about 8 s) ..."
  local work
  work=$(mktemp -d) || return 0
  # The training run evaluates in a directory of its own, so no config.yaml of the caller's applies.
  (cd "$work" && "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="$work/trailwarden.aot" -Xlog:aot=off \
    -jar "$jar" evaluate --snapshot "$example" --output-dir "$work/reports" \
    --format sarif,junit,json,markdown,html >/dev/null 2>&1) || true
  if [ -s "$work/trailwarden.aot" ]; then
    { mv -f "$work/trailwarden.aot" "$cache.$$" && mv -f "$cache.$$" "$cache"; } 2>/dev/null || rm -f "$cache.$$"
  else
    : 2>/dev/null >"$cache" || true
  fi
  rm -rf "$work"
}
if [ ! -f "$cache" ] || [ "$jar" -nt "$cache" ]; then
  train || true
fi
if [ -s "$cache" ]; then
  options="$options -XX:AOTCache=$cache -Xlog:aot=off"
fi
echo "$options"
