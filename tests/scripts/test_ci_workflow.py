#!/usr/bin/env python3
"""Runs the handoff-lint commands of the documented GitHub Actions workflow locally.

Usage: test_ci_workflow.py BINARY

Takes every `run:` command of docs/ci/github-workflow.yml that invokes handoff-lint, replaces
the program with BINARY and runs it in a temporary folder whose handoffs/ holds a copy of the
example records (some of which fail), with GITHUB_STEP_SUMMARY set as on a runner. Checks the
exit status (1), that the SARIF and JUnit reports the later steps upload exist and parse (the
SARIF against the official schema when it is available), that every workflow command matches the
syntax GitHub parses, and that the upload steps name the files the gate writes and still run
after the gate step fails. Also checks that docs/ci.md shows the files of docs/ci/ verbatim.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKFLOW = os.path.join(ROOT, "docs", "ci", "github-workflow.yml")
RECORD_EXTENSIONS = (".md", ".yaml", ".yml", ".txt")
COMMAND = re.compile(r"^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::")
SUMMARY_LINE = re.compile(r"^handoff-lint: \d+ records?: \d+ passed, \d+ failed, \d+ errors?")


def shell_commands(script):
    """The commands of a `run:` script: one per line, backslash continuations joined."""
    commands, pending = [], ""
    for line in script.splitlines():
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        command = (pending + line).strip()
        pending = ""
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def invokes_handoff_lint(argv):
    return bool(argv) and os.path.basename(argv[0]) == "handoff-lint"


def report_files(argv):
    """{format: file} from --report FORMAT=FILE arguments."""
    files = {}
    for flag, value in zip(argv, argv[1:]):
        if flag == "--report":
            fmt, _, path = value.partition("=")
            files[fmt] = path
    return files


def check_workflow_shape(workflow, gate_files):
    steps = workflow["jobs"]["gate"]["steps"]
    permissions = workflow["permissions"]
    assert permissions.get("security-events") == "write", permissions
    assert permissions.get("checks") == "write", permissions
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    sarif_step = uses["github/codeql-action/upload-sarif"]
    assert sarif_step["with"]["sarif_file"] == gate_files["sarif"], sarif_step
    junit_step = uses["mikepenz/action-junit-report"]
    assert junit_step["with"]["report_paths"] == gate_files["junit"], junit_step
    for step in (sarif_step, junit_step):
        # The gate step fails the job on exit 1; the reports must be uploaded anyway.
        assert "!cancelled()" in step.get("if", "") or "always()" in step.get("if", ""), step


def check_github_output(stdout):
    lines = stdout.splitlines()
    assert lines, "no output"
    kinds = set()
    for line in lines:
        if SUMMARY_LINE.match(line):
            continue
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        kinds.add(match.group(1))
        data = line[match.end():]
        # In the message only %25, %0D and %0A may follow a '%'.
        assert not re.search(r"%(?!25|0D|0A)", data), f"unescaped % in {line!r}"
    assert {"error", "warning"} <= kinds, kinds
    assert SUMMARY_LINE.match(lines[-1]), lines[-1]
    return len(lines)


def check_sarif(path, records):
    with open(path, encoding="utf-8") as f:
        sarif = json.load(f)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert results, "no SARIF results"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris <= {f"handoffs/{name}" for name in records}, uris
    schema_path = os.environ.get(
        "HANDOFF_SARIF_SCHEMA",
        os.path.join(ROOT, "..", "shared", "schemas", "sarif-schema-2.1.0.json"))
    if os.path.exists(schema_path):
        import jsonschema
        with open(schema_path, encoding="utf-8") as f:
            jsonschema.validate(sarif, json.load(f))
    return len(results)


def check_junit(path, records):
    suite = ET.parse(path).getroot().find("testsuite")
    cases = suite.findall("testcase")
    assert sorted(c.get("name") for c in cases) == sorted(records), [c.get("name") for c in cases]
    assert all(c.get("classname") == "handoffs" for c in cases)
    failures = [c for c in cases if c.find("failure") is not None]
    assert failures and int(suite.get("failures")) == len(failures)
    return len(cases), len(failures)


def check_docs_embed_files():
    """docs/ci.md shows each file of docs/ci/ verbatim, so the page and the files agree."""
    with open(os.path.join(ROOT, "docs", "ci.md"), encoding="utf-8") as f:
        page = f.read()
    folder = os.path.dirname(WORKFLOW)
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        assert f"```yaml\n{text}```" in page, f"docs/ci.md does not show docs/ci/{name} as it is"


def main():
    binary = os.path.abspath(sys.argv[1])
    check_docs_embed_files()
    with open(WORKFLOW, encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    commands = []
    for step in workflow["jobs"]["gate"]["steps"]:
        for command in shell_commands(step.get("run", "")):
            argv = shlex.split(command)
            if invokes_handoff_lint(argv):
                commands.append(argv)
    assert len(commands) == 1, f"expected one handoff-lint command, found {commands}"
    argv = commands[0]
    assert argv[1:4] == ["check", "--format", "github"], argv
    gate_files = report_files(argv)
    assert set(gate_files) == {"sarif", "junit"}, gate_files
    check_workflow_shape(workflow, gate_files)

    with tempfile.TemporaryDirectory() as tmp:
        records = sorted(n for n in os.listdir(os.path.join(ROOT, "examples"))
                         if n.endswith(RECORD_EXTENSIONS))
        os.mkdir(os.path.join(tmp, "handoffs"))
        for name in records:
            shutil.copy(os.path.join(ROOT, "examples", name), os.path.join(tmp, "handoffs"))
        summary = os.path.join(tmp, "step-summary.md")
        env = dict(os.environ, GITHUB_STEP_SUMMARY=summary, GITHUB_ACTIONS="true")
        env.pop("NO_COLOR", None)
        proc = subprocess.run([binary, *argv[1:]], cwd=tmp, env=env, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 1, f"exit {proc.returncode}: {proc.stderr}"
        lines = check_github_output(proc.stdout)
        results = check_sarif(os.path.join(tmp, gate_files["sarif"]), records)
        cases, failed = check_junit(os.path.join(tmp, gate_files["junit"]), records)
        with open(summary, encoding="utf-8") as f:
            summary_text = f.read()
        assert "| " in summary_text and "handoff-lint" in summary_text, summary_text
    print(f"workflow command: {shlex.join(argv)}")
    print(f"exit 1; {lines} output lines; {results} SARIF results; "
          f"{cases} JUnit testcases, {failed} failed; step summary written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
