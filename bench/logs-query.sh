#!/usr/bin/env bash
# Benchmark of logs query on the AWS emulator (run by hand; not a test): writes 1,000,000 CloudTrail
# events in log files across 50 accounts x 4 regions x 7 days (or the sizes given) into the emulator's
# S3, then prints a table: a cold load (empty cache: list every day folder, download every file), a warm
# load (nothing downloaded), each saved investigation's query time after each, peak heap and peak
# resident memory (DuckDB's is native).
# Usage: bench/logs-query.sh [events accounts regions days eventsPerFile]
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
classpath=$(bench_classpath test-compile)
exec "$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$classpath" \
  io.trailwarden.bench.LogsQueryBench "$@"
