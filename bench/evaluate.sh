#!/usr/bin/env bash
# Benchmark of `trailwarden evaluate` (run by hand; not a test). Times the two examples and synthetic
# organizations of growing size (member accounts, each with its own trail), and prints a table:
# snapshot, accounts, trails, snapshot size, wall time (median of N runs), peak memory of Java and OPA
# together (their resident sets summed, sampled every 20 ms), the seconds an `opa eval` was running,
# the bytes of the reports written, and the load average when the row started (the machine may be
# shared: a wall time means little next to a load above the number of cores).
# With TRAILWARDEN_BEFORE_JAR=<a trailwarden.jar of an earlier build> every snapshot is also run on that
# jar (plain `java -jar`, JVM defaults, the same OPA; the rules of TRAILWARDEN_BEFORE_RULES, by default
# this checkout's), as the row "before" above "after", and the column "same" says whether the two runs
# wrote byte-identical reports.
# Usage: bench/evaluate.sh [runs] [sizes...]   (default 5 runs; sizes 100 1000 10000 50000)
#
# Where the time goes (JFR, `java -XX:StartFlightRecording`, at 10,000 accounts; docs/architecture.md §6):
# reading and checking the snapshot, `opa eval` (CPU bound, one core), turning its answer into findings,
# then the reports (HTML and SARIF the largest).
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

# Every new member has its own trail, and Security Hub and an enabled GuardDuty detector in every region in
# scope, as the example's members have (without them each member would be three UNKNOWNs per tool).
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
    for region in snap["scope"]["regions"]:
        hub = f"arn:aws:securityhub:{region}:{account}:hub/default"
        snap["securityHubs"][hub] = {"arn": hub, "accountId": account, "region": region, "subscribedAt": "2026-01-12T10:04:11.512Z"}
        detector = f"{i:032x}"
        arn = f"arn:aws:guardduty:{region}:{account}:detector/{detector}"
        snap["guardDuty"]["detectors"][arn] = {"arn": arn, "accountId": account, "region": region, "detectorId": detector, "status": "ENABLED"}
json.dump(snap, open(sys.argv[3], "w"), indent=2)
PY
}

# measure VARIANT FILE: runs evaluate once into $work/out-VARIANT; prints "wall_s peak_mb opa_s
# report_bytes" (the process tree sampled every 20 ms). VARIANT is "after" (this checkout's launcher) or
# "before" (the old jar).
measure() {
  rm -rf "$work/out-$1"
  if [ "$1" = before ]; then
    command=(env "OPA_PATH=$opa_binary" "TRAILWARDEN_RULES=${TRAILWARDEN_BEFORE_RULES:-$root/rules}" "$java" -jar "$TRAILWARDEN_BEFORE_JAR")
  else
    command=("$root/trailwarden")
  fi
  python3 - "$2" "$work/out-$1" "${command[@]}" <<'PY'
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
snapshot, out, command = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
proc = subprocess.Popen(command + ["evaluate", "--snapshot", snapshot, "--output-dir", out],
                        stdout=subprocess.DEVNULL, stderr=open(out + ".stderr", "w"))
peak, opa_s, last = 0, 0.0, start
while proc.poll() is None:
    kb, opa = rss_and_opa(tree(proc.pid))
    now = time.monotonic()
    peak = max(peak, kb); opa_s += (now - last) if opa else 0; last = now
    time.sleep(0.02)
wall = time.monotonic() - start
if proc.returncode not in (0, 1, 3):  # 1: failures found, 3: evidence missing; anything else did not evaluate
    sys.exit(f"{' '.join(command)} evaluate {snapshot} exited {proc.returncode}:\n" + open(out + ".stderr").read()[-2000:])
reports = sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out)) if os.path.isdir(out) else 0
print(f"{wall:.2f} {peak // 1024} {opa_s:.2f} {reports}")
PY
}

cp "$root/examples/compliant-org.json" "$root/examples/misconfigured-org.json" "$work/"
files=("$work/compliant-org.json" "$work/misconfigured-org.json")
for n in "${sizes[@]}"; do synthetic "$n" "$work/synthetic-$n.json"; files+=("$work/synthetic-$n.json"); done

variants=(after)
if [ -n "${TRAILWARDEN_BEFORE_JAR:-}" ]; then
  variants=(before after)
  java="$(bash "$root/scripts/java-home.sh")/bin/java"
  opa_binary=$(bash "$root/scripts/opa.sh")
fi

printf '%-26s %8s %7s %9s %7s %8s %8s %7s %10s %6s %5s\n' snapshot accounts trails size_kb variant wall_s peak_mb opa_s report_kb load same
for file in "${files[@]}"; do
  read -r accounts trails < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(len(s['organization']['accounts']), len(s['trails']))" "$file")
  for variant in "${variants[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    rows=()
    for _ in $(seq "$runs"); do rows+=("$(measure "$variant" "$file")"); done
    # the run of median wall time; the highest peak of all runs
    read -r wall _ opa bytes < <(printf '%s\n' "${rows[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
    peak=$(printf '%s\n' "${rows[@]}" | awk '$2 > m {m = $2} END {print m}')
    same=-
    if [ "$variant" = after ] && [ -d "$work/out-before" ]; then
      same=$(diff -rq "$work/out-before" "$work/out-after" >/dev/null && echo yes || echo NO)
    fi
    printf '%-26s %8s %7s %9s %7s %8s %8s %7s %10s %6s %5s\n' "$(basename "$file")" "$accounts" "$trails" \
      "$(( $(stat -c %s "$file") / 1024 ))" "$variant" "$wall" "$peak" "$opa" "$(( bytes / 1024 ))" "$load" "$same"
  done
done
echo "cores: $(nproc); goals (issue 17): 10,000 accounts <= 2 s and <= 512 MB; 50,000 accounts <= 10 s"
