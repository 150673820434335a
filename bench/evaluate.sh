#!/usr/bin/env bash
# Benchmark of `trailwarden evaluate` (run by hand; not a test). Times the two examples and synthetic
# organizations of growing size (member accounts, each with its own trail), and prints a table:
# snapshot, accounts, trails, snapshot size, wall time (median of N runs), peak memory of Java and OPA
# together (their resident sets summed, sampled every 20 ms) and OPA's share of the wall time.
# Usage: bench/evaluate.sh [runs] [sizes...]   (default 5 runs; sizes 100 1000 10000 50000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
shift || true
sizes=("${@:-100 1000 10000 50000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
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

# measure FILE: runs evaluate once; prints "wall_s peak_mb opa_s" (the process tree sampled every 20 ms).
measure() {
  python3 - "$root/trailwarden" "$1" "$work/out" <<'PY'
import os, subprocess, sys, time
def tree(pid):
    kids = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                kids.setdefault(int(fields[1]), []).append(int(p))
            except OSError:
                pass
    todo, found = [pid], []
    while todo:
        q = todo.pop(); found.append(q); todo += kids.get(q, [])
    return found
def rss_and_opa(pids):
    total, opa = 0, False
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/comm") as f:
                opa = opa or f.read().strip() == "opa"
        except OSError:
            pass
    return total, opa
start = time.monotonic()
proc = subprocess.Popen([sys.argv[1], "evaluate", "--snapshot", sys.argv[2], "--output-dir", sys.argv[3]],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak, opa_s, last = 0, 0.0, start
while proc.poll() is None:
    kb, opa = rss_and_opa(tree(proc.pid))
    now = time.monotonic()
    peak = max(peak, kb); opa_s += (now - last) if opa else 0; last = now
    time.sleep(0.02)
print(f"{time.monotonic() - start:.2f} {peak // 1024} {opa_s:.2f}")
PY
}

cp "$root/examples/compliant-org.json" "$root/examples/misconfigured-org.json" "$work/"
files=("$work/compliant-org.json" "$work/misconfigured-org.json")
for n in "${sizes[@]}"; do synthetic "$n" "$work/synthetic-$n.json"; files+=("$work/synthetic-$n.json"); done

printf '%-26s %8s %7s %9s %8s %8s %10s\n' snapshot accounts trails size_kb wall_s peak_mb opa_share
for file in "${files[@]}"; do
  rows=()
  for _ in $(seq "$runs"); do rows+=("$(measure "$file")"); done
  # the run of median wall time; the highest peak of all runs
  read -r wall _ opa < <(printf '%s\n' "${rows[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
  peak=$(printf '%s\n' "${rows[@]}" | awk '$2 > m {m = $2} END {print m}')
  read -r accounts trails < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s['organization']['accounts']), len(s['trails']))" "$file")
  printf '%-26s %8s %7s %9s %8s %8s %9s%%\n' "$(basename "$file")" "$accounts" "$trails" "$(( $(stat -c %s "$file") / 1024 ))" \
    "$wall" "$peak" "$(python3 -c "print(round(100 * $opa / $wall))")"
done
