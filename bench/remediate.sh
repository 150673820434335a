#!/usr/bin/env bash
# Benchmark of the remediation loop on the AWS emulator (run by hand; not a test): the demo organization
# collected, evaluated and planned, then the plan applied (drift re-reads, writes, verifying rescan).
# Prints the median wall times of the runs given (default 3), the plan's changes and the apply's API calls.
# Usage: bench/remediate.sh [runs]
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
OPA_PATH=$(bash scripts/opa.sh)
export OPA_PATH
export TRAILWARDEN_RULES="$root/rules"
classpath=$(bench_classpath test-compile)
exec "$JAVA_HOME/bin/java" -cp "$classpath" io.trailwarden.bench.RemediateBench "$@"
