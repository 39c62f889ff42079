#!/usr/bin/env python3
"""The pre-commit hook: its file pattern and its entry, run the way pre-commit runs them.

Usage: test_ci_pre_commit.py BINARY

Reads .pre-commit-hooks.yaml, checks which paths its `files`/`exclude` patterns select (with
Python's re.search, as pre-commit does), then runs the hook's entry with BINARY in place of
handoff-lint on the selected files of a small repository (records from ci_records.py): passing records give 0, a failing one
gives 1. Also checks that docs/ci/pre-commit-config.yaml uses this hook's id.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

import yaml

import ci_records

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SELECTED = ["handoff.md", "deals/handoff-acme.yaml", "deals/handoff_2026-05.txt",
            "handoffs/acme.yml", "team/handoffs/q3/acme.txt", "notes/handoffs.md"]
IGNORED = ["README.md", "handoffs/acme.json", "myhandoff.md", ".handoff-lint.yaml",
           "handoffs/.handoff-lint.yml", "docs/handoff.pdf", "src/handoff.cpp"]


def selects(hook, path):
    return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)


def run_hook(hook, binary, files, cwd):
    argv = shlex.split(hook["entry"])
    assert argv[0] == "handoff-lint", argv
    return subprocess.run([binary, *argv[1:], *hook.get("args", []), *files], cwd=cwd,
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, NO_COLOR="1"))


def main():
    binary = os.path.abspath(sys.argv[1])
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    assert [h["id"] for h in hooks] == ["handoff-lint"], hooks
    hook = hooks[0]
    assert hook["language"] == "system" and hook["name"], hook
    wrong = [p for p in SELECTED if not selects(hook, p)] + [p for p in IGNORED if selects(hook, p)]
    assert not wrong, f"pattern selects wrongly: {wrong}"

    with open(os.path.join(ROOT, "docs", "ci", "pre-commit-config.yaml"), encoding="utf-8") as f:
        config = yaml.safe_load(f)
    ids = [h["id"] for repo in config["repos"] for h in repo["hooks"]]
    assert ids == ["handoff-lint"], ids

    with tempfile.TemporaryDirectory() as repo:
        os.makedirs(os.path.join(repo, "handoffs"))
        staged = {
            "handoffs/larkspur.yaml": ci_records.CLEAN,
            "handoffs/handoff-larkspur-renewal.yaml": ci_records.WARNED,
            "handoffs/larkspur-gap.yaml": ci_records.GAP,  # fails its gate
        }
        for path, text in staged.items():
            with open(os.path.join(repo, path), "w", encoding="utf-8") as f:
                f.write(text)
        config_path = "handoffs/.handoff-lint.yaml"  # staged too, but not a record
        with open(os.path.join(repo, config_path), "w") as f:
            f.write("categories:\n  communication_style: {threshold: 60}\n")
        selected = [p for p in sorted([*staged, config_path]) if selects(hook, p)]
        assert selected == sorted(staged), selected
        passing = [p for p in selected if "gap" not in p]
        proc = run_hook(hook, binary, passing, repo)
        assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}"
        assert "2 records: 2 passed" in proc.stdout, proc.stdout
        proc = run_hook(hook, binary, selected, repo)
        assert proc.returncode == 1, f"exit {proc.returncode}: {proc.stdout}{proc.stderr}"
        assert "larkspur-gap.yaml" in proc.stdout and "FAIL" in proc.stdout, proc.stdout
    print(f"hook pattern: {len(SELECTED)} selected, {len(IGNORED)} ignored as expected; "
          "entry exits 0 on passing records and 1 on a failing one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
