#!/usr/bin/env python3
"""The gate flags of `check`, end to end: exit codes, messages and baseline files.

Usage: test_ci_gate_flags.py BINARY

Works on three records of its own (ci_records.py) in a temporary handoffs/ folder: one clean,
one with a single warning, one with a gap. Covers --fail-on, --min-score, --threshold (also
over a .handoff-lint.yaml found beside the records), --max-warnings, and the baseline round trip: --write-baseline writes the same bytes twice and
exits 0, --baseline then passes every record, a new gap still fails, an edit elsewhere in a
baselined record keeps it matched, and a bad baseline or flag value exits 2 with a message.
"""
import json
import os
import subprocess
import sys
import tempfile

import ci_records

CLEAN_RECORD = "handoffs/larkspur-clean.yaml"
WARNED = "handoffs/larkspur-warned.yaml"
GAP = "handoffs/larkspur-gap.yaml"
RECORDS = {CLEAN_RECORD: ci_records.CLEAN, WARNED: ci_records.WARNED, GAP: ci_records.GAP}


class Cli:
    def __init__(self, binary, cwd):
        self.binary, self.cwd = binary, cwd

    def __call__(self, *args, expect):
        proc = subprocess.run([self.binary, "check", *args], cwd=self.cwd, capture_output=True,
                              text=True, timeout=60, env=dict(os.environ, NO_COLOR="1",
                                                              GITHUB_STEP_SUMMARY=""))
        assert proc.returncode == expect, (
            f"check {' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
            f"{proc.stdout[-2000:]}{proc.stderr}")
        return proc

    def json(self, *args, expect):
        return json.loads(self("--format", "json", *args, expect=expect).stdout)


def replace_in(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert text.count(old) == 1, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def gate_flags(check):
    check(WARNED, expect=0)
    check("--fail-on", "warning", WARNED, expect=1)
    check("--fail-on", "error", WARNED, expect=0)
    check("--fail-on", "never", GAP, expect=1)  # its gaps still fail it
    # An error finding fails the record, unless --fail-on never.
    with open(os.path.join(check.cwd, "strict.yaml"), "w", encoding="utf-8") as f:
        f.write("rules:\n  HL804: {severity: error}\n")
    check("-c", "strict.yaml", WARNED, expect=1)
    check("-c", "strict.yaml", "--fail-on", "never", WARNED, expect=0)
    err = check("--fail-on", "sometimes", WARNED, expect=2).stderr
    assert "--fail-on" in err, err

    err = check("--max-warnings", "0", WARNED, expect=1).stderr
    assert ("gate failed: 1 unsuppressed warnings, more than the 0 allowed by --max-warnings"
            in err), err
    check("--max-warnings", "1", WARNED, expect=0)
    check("--max-warnings", "-1", WARNED, expect=2)

    # Scores come from the JSON report, so rule weights can change without breaking this.
    record = check.json("--threshold", "buying_motivation=0", GAP, expect=0)["records"][0]
    score, motivation = record["score"], record["categories"]["buying_motivation"]["score"]
    assert score < 100 and motivation < 70, record
    check("--threshold", "buying_motivation=0", "--min-score", str(score), GAP, expect=0)
    check("--threshold", "buying_motivation=0", "--min-score", str(score + 1), GAP, expect=1)
    check("--min-score", "100", CLEAN_RECORD, expect=0)
    check("--min-score", "101", CLEAN_RECORD, expect=2)

    check("--threshold", f"buying_motivation={motivation}", GAP, expect=0)
    check("--threshold", f"buying_motivation={motivation + 1}", GAP, expect=1)
    record = check.json("--threshold", "success_criteria=85", "--threshold",
                        "champion_profile=0", WARNED, expect=0)["records"][0]
    assert record["categories"]["success_criteria"]["threshold"] == 85, record["categories"]
    assert record["categories"]["champion_profile"]["threshold"] == 0, record["categories"]
    for bad in ("champion_profile=101", "champion_profile=-1", "champion_profile=",
                "champion_profile", "=50", "champion=50", "champion_profile=7x"):
        err = check("--threshold", bad, WARNED, expect=2).stderr
        assert f'--threshold expects CATEGORY=N with N from 0 to 100, got "{bad}"' in err, err
    err = check("--threshold", "champion=50", WARNED, expect=2).stderr
    assert "(categories: buying_motivation, champion_profile," in err, err
    print("gate flags: exit codes and messages as documented")
    return motivation


def threshold_over_config_file(check, tmp, motivation):
    config = os.path.join(tmp, "handoffs", ".handoff-lint.yaml")
    with open(config, "w", encoding="utf-8") as f:
        f.write("categories:\n  buying_motivation: {threshold: 0}\n")
    try:
        check(GAP, expect=0)  # the folder's config lowers the bar...
        # ...and the flag wins over it.
        check("--threshold", f"buying_motivation={motivation + 1}", GAP, expect=1)
    finally:
        os.remove(config)
    print("flags override the configuration file found beside the records")


def baselines(check, tmp):
    base = os.path.join(tmp, "handoff-baseline.json")
    check("handoffs/", expect=1)
    err = check("--write-baseline", "handoff-baseline.json", "handoffs/", expect=0).stderr
    assert "wrote handoff-baseline.json (" in err, err
    with open(base, "rb") as f:
        first = f.read()
    check("--write-baseline", "handoff-baseline.json", "./handoffs", expect=0)
    with open(base, "rb") as f:
        assert f.read() == first, "a second --write-baseline wrote different bytes"
    doc = json.loads(first)
    assert doc["tool"] == "handoff-lint" and doc["version"] == 1
    keys = [(e["source"], e["rule"], e["fingerprint"]) for e in doc["findings"]]
    assert keys == sorted(keys), keys
    assert {source for source, _, _ in keys} == {GAP, WARNED}, keys
    assert [rule for source, rule, _ in keys if source == WARNED] == ["HL804"], keys
    assert not [name for name in os.listdir(tmp) if name.startswith("handoff-baseline.json.")]

    report = check.json("--baseline", "handoff-baseline.json", "handoffs/", expect=0)
    findings = [f for r in report["records"] for f in r["findings"]]
    assert findings and all(f.get("suppressed") for f in findings), findings
    assert {f["justification"] for f in findings} == {"baseline"}
    assert all(r["gate"] == "pass" for r in report["records"])
    check("--baseline", "handoff-baseline.json", "--fail-on", "warning", "handoffs/", expect=0)
    check("--baseline", "handoff-baseline.json", "--max-warnings", "0", "handoffs/", expect=0)

    # An edit elsewhere in a baselined failing record keeps its findings matched.
    replace_in(os.path.join(tmp, GAP), "account: Larkspur Veterinary Group",
               "# reviewed by the CS lead\naccount: Larkspur Veterinary Group")
    replace_in(os.path.join(tmp, GAP), "she dislikes long slide decks.",
               "she dislikes long slide decks and\n  late-evening calls.")
    check("--baseline", "handoff-baseline.json", "handoffs/", expect=0)
    # A new warning in the clean record is the only open finding; it fails with --fail-on
    # warning, and a new gap (a category under its threshold) fails by default.
    replace_in(os.path.join(tmp, CLEAN_RECORD), "ae: Rosalind Achebe\n", "")
    report = check.json("--baseline", "handoff-baseline.json", "handoffs/", expect=0)
    open_findings = [(r["source"], f["rule"]) for r in report["records"] for f in r["findings"]
                     if not f.get("suppressed")]
    assert open_findings == [(CLEAN_RECORD, "HL804")], open_findings
    check("--baseline", "handoff-baseline.json", "--fail-on", "warning", "handoffs/", expect=1)
    replace_in(os.path.join(tmp, CLEAN_RECORD), "  Amara prefers email for anything written and "
               "a biweekly 30-minute video call on Mondays;\n  she dislikes long slide decks.",
               "  She is easy to work with.")
    report = check.json("--baseline", "handoff-baseline.json", "handoffs/", expect=1)
    failed = [r["source"] for r in report["records"] if r["gate"] == "fail"]
    assert failed == [CLEAN_RECORD], failed
    print(f"baseline: {len(keys)} findings recorded deterministically; only the new gap fails")

    # Unusable baselines and destinations are errors (2) with a message.
    err = check("--baseline", "missing.json", "handoffs/", expect=2).stderr
    assert "cannot read baseline missing.json" in err, err
    with open(os.path.join(tmp, "broken.json"), "w") as f:
        f.write('{"findings": [')
    err = check("--baseline", "broken.json", "handoffs/", expect=2).stderr
    assert "baseline broken.json: not valid JSON" in err, err
    err = check("--write-baseline", WARNED, "handoffs/", expect=2).stderr
    assert "refusing to write a baseline over an input" in err, err


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "handoffs"))
        for path, text in RECORDS.items():
            with open(os.path.join(tmp, path), "w", encoding="utf-8") as f:
                f.write(text)
        check = Cli(binary, tmp)
        motivation = gate_flags(check)
        threshold_over_config_file(check, tmp, motivation)
        baselines(check, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
