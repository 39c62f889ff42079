#!/usr/bin/env python3
"""Validates real output against its schema: JSON output over examples/ against
docs/handoff-lint.schema.json, and SARIF output against the official SARIF 2.1.0 schema
(../shared/schemas/sarif-schema-2.1.0.json beside the repository, or $HANDOFF_SARIF_SCHEMA)."""
import json
import os
import subprocess
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(binary, *args):
    proc = subprocess.run([binary, *args], capture_output=True, cwd=ROOT, timeout=60)
    if proc.returncode not in (0, 1, 2):
        raise SystemExit(f"{args}: exit {proc.returncode}: {proc.stderr.decode()}")
    return json.loads(proc.stdout)


def main() -> int:
    binary = sys.argv[1]
    inputs = ["examples/", "tests/bad_inputs/empty.yaml", "tests/bad_inputs/alias-cycle.yaml"]
    report = run(binary, "check", "--format", "json", *inputs)
    schema = json.load(open(os.path.join(ROOT, "docs", "handoff-lint.schema.json")))
    jsonschema.validate(report, schema)
    assert len(report["records"]) >= 8, len(report["records"])
    gates = {r["gate"] for r in report["records"]}
    assert gates == {"pass", "fail", "error"}, gates
    print(f"json: {len(report['records'])} records valid against docs/handoff-lint.schema.json")

    sarif_schema_path = os.environ.get(
        "HANDOFF_SARIF_SCHEMA",
        os.path.join(ROOT, "..", "shared", "schemas", "sarif-schema-2.1.0.json"))
    if not os.path.exists(sarif_schema_path):
        print(f"FAIL: SARIF schema not found at {sarif_schema_path}")
        return 1
    sarif = run(binary, "check", "--format", "sarif", *inputs)
    jsonschema.validate(sarif, json.load(open(sarif_schema_path)))
    results = sarif["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
                           for r in results)
    print(f"sarif: {len(results)} results valid against the SARIF 2.1.0 schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
