#!/usr/bin/env bash
# Benchmark of log verification on the AWS emulator (run by hand; not a test), and the fixture's honesty
# check: writes signed digest chains for 50 accounts x 4 regions (10,000 log files, 2,000 digests; or
# the sizes given), edits one log file, and prints a table: trailwarden logs verify from S3, logs fetch
# into an evidence locker, logs verify --source on that locker (the verifier without the emulator's
# latency), and the AWS CLI's own validate-logs (PyPI awscli, installed by scripts/awscli.sh) over the
# same chains, one process per account x region, as a user has to run it; then whether the CLI agrees
# with trailwarden on every chain. The CLI's ListPublicKeys goes to a loopback stand-in (moto has none).
# Usage: bench/logs-verify.sh [accounts regions hours logFilesPerHour]
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
AWS_CLI_PATH=$(bash scripts/awscli.sh)
export AWS_CLI_PATH
classpath=$(bench_classpath test-compile)
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" io.trailwarden.bench.LogsVerifyBench "$@"
