#!/usr/bin/env bash
# Benchmark of the remediation loop on the AWS emulator (run by hand; not a test): the demo organization
# collected, evaluated and planned, then the plan applied (drift re-reads, writes, verifying rescan).
# Prints the median wall times of the runs given (default 3), the plan's changes and the apply's API calls.
# Usage: bench/remediate.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
JAVA_HOME=$(bash scripts/java-home.sh)
export JAVA_HOME
MOTO_SERVER_PATH=$(bash scripts/moto.sh)
OPA_PATH=$(bash scripts/opa.sh)
export MOTO_SERVER_PATH OPA_PATH
export TRAILWARDEN_RULES="$root/rules"
./mvnw -q -B -DskipTests test-compile >&2
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$classpath" io.trailwarden.bench.RemediateBench "$@"
