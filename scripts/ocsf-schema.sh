#!/usr/bin/env bash
# Regenerates docs/ocsf/: the JSON Schema (draft 2020-12) of the OCSF Compliance Finding class (2003)
# with the cloud profile, which OcsfReporterTest validates every line of trailwarden.ocsf.jsonl against,
# and the OCSF licence (Apache-2.0).
#
# Source: the PyPI package ocsf-json-schema (MIT), which bundles the OCSF schema exports of
# schema.ocsf.io (Apache-2.0) and turns a class into a JSON Schema with every referenced object embedded
# under $defs. Run by hand when the OCSF version changes; the output is committed.
set -euo pipefail

OCSF_VERSION="${OCSF_VERSION:-1.8.0}"
PACKAGE="ocsf-json-schema==1.2.0"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/ocsf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --no-deps --dest "$work" "$PACKAGE"
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$work"/ocsf_json_schema-*.whl "$work/pkg"
mkdir -p "$out"
PYTHONPATH="$work/pkg" python3 - "$OCSF_VERSION" "$out/compliance_finding-$OCSF_VERSION-cloud.schema.json" <<'PY'
import json, sys
from ocsf_json_schema import get_ocsf_schema, OcsfJsonSchemaEmbedded
version, target = sys.argv[1], sys.argv[2]
schema = OcsfJsonSchemaEmbedded(get_ocsf_schema(version=version))
name = schema.lookup_class_name_from_uid(2003)
document = schema.get_class_schema(name, ["cloud"])
# Sorted keys: the generator collects referenced objects in a set, so its order varies between runs.
with open(target, "w", encoding="utf-8") as f:
    json.dump(document, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY
cp "$work/pkg/ocsf_json_schema/ocsf/LICENSE.txt" "$out/LICENSE"
echo "wrote $out/compliance_finding-$OCSF_VERSION-cloud.schema.json and $out/LICENSE"
