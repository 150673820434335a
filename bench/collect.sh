#!/usr/bin/env bash
# Benchmark of `collect` on the AWS emulator (run by hand; not a test). Seeds organizations with 10, 50
# and 200 member accounts (or the counts given) and prints a table: member accounts, regions, the share
# of calls answered with injected faults, wall time, API calls made (counted by an SDK execution
# interceptor; retries not counted), faults injected, collection errors, heap held at the end and snapshot size.
# Usage: bench/collect.sh [--faults RATE] [--regions N] [members ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
JAVA_HOME=$(bash scripts/java-home.sh)
export JAVA_HOME
MOTO_SERVER_PATH=$(bash scripts/moto.sh)
export MOTO_SERVER_PATH
./mvnw -q -B -DskipTests test-compile >&2
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$classpath" io.trailwarden.bench.CollectBench "$@"
