#!/usr/bin/env bash
# Lints action.yml with actionlint, which checks workflows but not a composite action's own steps: the
# action's steps are wrapped in a reusable workflow (on: workflow_call, with the action's inputs as string
# inputs) in a temporary directory, so actionlint checks every step, expression and `inputs.*` reference,
# the inputs passed to the actions it uses, and every `run:` script with ShellCheck. The workflows that
# use the action (`uses: ./`) are checked against its inputs by actionlint itself. Called by .ci/run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

actionlint=$(bash "$project_root/scripts/actionlint.sh")
python3 -c 'import yaml' 2>/dev/null \
  || die "PyYAML is needed to read action.yml: apt-get install python3-yaml (or pip install pyyaml)."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/.github/workflows"
python3 - "$project_root/action.yml" "$work/.github/workflows/action.yml" <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
runs = action.get("runs", {})
if runs.get("using") != "composite":
    sys.exit(f"{sys.argv[1]}: runs.using must be composite")
for key in ("name", "description", "inputs", "outputs"):
    if not action.get(key):
        sys.exit(f"{sys.argv[1]}: '{key}' is missing")
inputs = {}
for name, spec in action["inputs"].items():
    if not spec.get("description"):
        sys.exit(f"{sys.argv[1]}: input '{name}' has no description")
    inputs[name] = {"type": "string", "required": bool(spec.get("required", False)),
                    "description": spec["description"]}
    if "default" in spec:
        inputs[name]["default"] = str(spec["default"])
for i, step in enumerate(runs.get("steps", [])):
    if "run" in step and "shell" not in step:
        sys.exit(f"{sys.argv[1]}: step {i + 1} runs a script without 'shell:' (composite actions require it)")
workflow = {
    "name": "action.yml as a reusable workflow",
    "on": {"workflow_call": {"inputs": inputs}},
    "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": runs["steps"]}},
}
yaml.safe_dump(workflow, open(sys.argv[2], "w"), sort_keys=False, width=1000)
PY
(cd "$work" && "$actionlint" -no-color .github/workflows/action.yml) \
  || die "actionlint reported the findings above in action.yml (line numbers are of the generated workflow; the step text is action.yml's)."
say "action.yml: clean under actionlint $("$actionlint" -version | head -n 1)"
