#!/usr/bin/env bash
# Benchmark of logs query on the AWS emulator (run by hand; not a test): writes 1,000,000 CloudTrail
# events in log files across 50 accounts x 4 regions x 7 days (or the sizes given) into the emulator's
# S3, then prints a table: a cold load (empty cache: list every day folder, download every file), a warm
# load (nothing downloaded), each saved investigation's query time after each, peak heap and peak
# resident memory (DuckDB's is native).
# Usage: bench/logs-query.sh [events accounts regions days eventsPerFile]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
JAVA_HOME=$(bash scripts/java-home.sh)
export JAVA_HOME
MOTO_SERVER_PATH=$(bash scripts/moto.sh)
export MOTO_SERVER_PATH
./mvnw -q -B -DskipTests test-compile >&2
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec "$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/classes:target/test-classes:$classpath" \
  io.trailwarden.bench.LogsQueryBench "$@"
