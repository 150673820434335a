#!/usr/bin/env bash
# Benchmark of `collect` on the AWS emulator (run by hand; not a test). Seeds organizations with 10, 50
# and 200 member accounts (or the counts given), the organization trail encrypted and delivering to a
# log-archive bucket and a log group with the CIS alarms, and prints a table: member accounts, regions,
# the share of calls answered with injected faults, wall time, API calls made (counted by an SDK
# execution interceptor; retries not counted), the minimum the design needs and calls ÷ minimum (goal
# ≤ 1.1), the median call latency, the emulator-bound limit (minimum × median latency ÷ concurrency)
# and wall ÷ limit (goal ≤ 1.5), faults injected, collection errors, heap held at the end, snapshot
# size and seeding time; then, per size, the minimum's formula with the counts put in, term by term
# beside the calls counted (architecture.md §3, "The minimum of calls").
# Usage: bench/collect.sh [--faults RATE] [--regions N] [members ...]
#
# bench/collect.sh --compare [--prowler-sample N] [--no-prowler] [members ...] instead scans the same organizations
# (default 10 and 50 members, 4 regions) with TrailWarden (`trailwarden scan`), Cloud Custodian (c7n-org)
# and Prowler (one process per account, 4 at a time; on a sample of N accounts, default 12, extrapolated
# when the organization is larger), each through a counting proxy, and prints wall time, requests and
# the ratios to TrailWarden's. Prowler (about 8 minutes) and Custodian are installed once into .tools/
# by scripts/prowler.sh and scripts/custodian.sh; neither is a project dependency.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
main=io.trailwarden.bench.CollectBench
if [ "${1:-}" = "--compare" ]; then
  shift
  main=io.trailwarden.bench.CompareBench
  case " $* " in
    *" --no-prowler "*) PROWLER="" ;;
    *) PROWLER=$(bash scripts/prowler.sh) ;;
  esac
  C7N_ORG=$(bash scripts/custodian.sh)
  OPA_PATH=$(bash scripts/opa.sh)
  TRAILWARDEN="$root/trailwarden"
  export PROWLER C7N_ORG OPA_PATH TRAILWARDEN
  # The comparison runs the trailwarden launcher, which needs the packaged jar.
  classpath=$(bench_classpath package)
else
  classpath=$(bench_classpath test-compile)
fi
exec "$JAVA_HOME/bin/java" -cp "$classpath" "$main" "$@"
