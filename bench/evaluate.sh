#!/usr/bin/env bash
# Benchmark of `trailwarden evaluate` (run by hand; not a test). Times the two examples and synthetic
# organizations of growing size (member accounts, each with its own trail), and prints a table:
# snapshot, accounts, trails, snapshot size, wall time (median of N runs) and peak memory.
# Usage: bench/evaluate.sh [runs]   (default 5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/trailwarden" --version >/dev/null   # builds the jar and provisions OPA outside the timings

synthetic() { # synthetic ACCOUNTS FILE: the misconfigured example grown to ACCOUNTS member accounts
  python3 - "$root/examples/misconfigured-org.json" "$1" "$2" <<'PY'
import copy, json, sys
snap = json.load(open(sys.argv[1])); n = int(sys.argv[2])
org = snap["organization"]; template = snap["trails"][1]
for i in range(n):
    account = f"{500000000000 + i}"
    org["accounts"].append({"id": account, "name": f"member-{i}", "status": "ACTIVE", "parentId": "ou-ab12-d3v3l0p1"})
    trail = copy.deepcopy(template)
    trail.update(arn=f"arn:aws:cloudtrail:eu-west-1:{account}:trail/t{i}", name=f"t{i}", accountId=account,
                 seenFrom=[{"accountId": account, "region": "eu-west-1"}])
    snap["trails"].append(trail)
json.dump(snap, open(sys.argv[3], "w"), indent=2)
PY
}

cp "$root/examples/compliant-org.json" "$root/examples/misconfigured-org.json" "$work/"
for n in 100 1000 5000; do synthetic "$n" "$work/synthetic-$n.json"; done

printf '%-26s %8s %7s %9s %10s %10s\n' snapshot accounts trails size_kb median_s peak_mb
for file in "$work"/compliant-org.json "$work"/misconfigured-org.json "$work"/synthetic-100.json "$work"/synthetic-1000.json "$work"/synthetic-5000.json; do
  times=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f '%e %M' "$root/trailwarden" evaluate --snapshot "$file" --output-dir "$work/out" >/dev/null 2>&1 || true
    out=$(tail -1 "$work/time")
    times+=("${out% *}"); kb=${out#* }; [ "$kb" -gt "$peak" ] && peak=$kb
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  read -r accounts trails < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s['organization']['accounts']), len(s['trails']))" "$file")
  printf '%-26s %8s %7s %9s %10s %10s\n' "$(basename "$file")" "$accounts" "$trails" "$(( $(stat -c %s "$file") / 1024 ))" "$median" "$(( peak / 1024 ))"
done
