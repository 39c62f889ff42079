#!/usr/bin/env python3
"""bench.smoke: the benchmark's corpus and the parallel check agree with the serial one.

    smoke.py HANDOFF_LINT GEN_CORPUS_PY

Generates 60 records (and their CSV/JSONL export) into a temporary folder, then checks that
  a) `check --format json` over the folder exits 0 or 1 and prints valid JSON with 60 records;
  b) when `check` has `-j`, `-j1`, `-j2` and `-j 3` print byte-identical json, text and sarif;
  c) `audit -q --format json` over the CSV export counts 60 records (and the JSONL export 60).
Standard library only; runs in a few seconds.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile

N = 60


def run(cmd: list[str], ok=(0, 1)) -> bytes:
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if p.returncode not in ok:
        sys.exit(f"FAIL: {' '.join(cmd)} exited {p.returncode}\n{p.stderr.decode(errors='replace')}")
    return p.stdout


def records_of(out: bytes, what: str) -> list:
    try:
        doc = json.loads(out)
    except json.JSONDecodeError as e:
        sys.exit(f"FAIL: {what}: output is not JSON ({e})")
    recs = doc.get("records")
    if not isinstance(recs, list):
        sys.exit(f"FAIL: {what}: no records list in the JSON output")
    return recs


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    lint, gen = sys.argv[1], sys.argv[2]
    env_note = []
    with tempfile.TemporaryDirectory(prefix="handoff-smoke-") as tmp:
        corpus = os.path.join(tmp, "recs")
        subprocess.run([sys.executable, gen, corpus, str(N), "--seed", "7"], check=True,
                       stderr=subprocess.DEVNULL, timeout=60)
        csv_path = os.path.join(tmp, "recs-export.csv")
        jsonl_path = os.path.join(tmp, "recs-export.jsonl")

        # a) the folder
        recs = records_of(run([lint, "check", "--format", "json", corpus]), "check DIR")
        if len(recs) != N:
            sys.exit(f"FAIL: check DIR reported {len(recs)} records, expected {N}")
        gates = {r.get("gate") for r in recs}
        if "error" in gates:
            sys.exit("FAIL: a generated record could not be read")
        if not {"pass", "fail"} <= gates:
            sys.exit(f"FAIL: expected both passing and failing records, got {sorted(gates)}")

        # b) -j N gives the same bytes as -j1
        help_text = run([lint, "check", "--help"], ok=(0,)).decode(errors="replace")
        if re.search(r"(^|[\s,])-j([\s,]|$)", help_text):
            for fmt in ("json", "text", "sarif"):
                base = run([lint, "check", "--format", fmt, "-j1", corpus])
                for jobs in (["-j2"], ["-j", "3"]):
                    out = run([lint, "check", "--format", fmt, *jobs, corpus])
                    if out != base:
                        sys.exit(f"FAIL: check --format {fmt} {' '.join(jobs)} differs from -j1")
        else:
            env_note.append("check has no -j option: parallel comparison skipped")

        # c) the exports
        audit = json.loads(run([lint, "audit", "-q", "--format", "json", csv_path]))
        count = audit.get("overall", {}).get("records")
        if count != N:
            sys.exit(f"FAIL: audit over the CSV export counted {count} records, expected {N}")
        jrecs = records_of(run([lint, "check", "--format", "json", jsonl_path]), "check JSONL")
        if len(jrecs) != N or any(r.get("gate") == "error" for r in jrecs):
            sys.exit(f"FAIL: check over the JSONL export: {len(jrecs)} records or errors")
    for note in env_note:
        print("note:", note)
    print(f"bench.smoke: ok ({N} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
