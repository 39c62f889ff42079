#!/usr/bin/env python3
"""The bash completion and the man page are the CLI's own output, and they work.

Usage: test_ci_generated_docs.py BINARY
       UPDATE_GENERATED=1 test_ci_generated_docs.py BINARY   # rewrite both files

completions/handoff-lint.bash must equal `handoff-lint completion bash` and docs/handoff-lint.1
must equal `handoff-lint man`, so a flag added to the CLI without regenerating them fails here.
Then: every option `check --help` lists is in both; the script passes `bash -n` and completes
subcommands, options and option values in a real bash; groff reads the page without warnings.
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATED = {
    ("completion", "bash"): os.path.join(ROOT, "completions", "handoff-lint.bash"),
    ("man",): os.path.join(ROOT, "docs", "handoff-lint.1"),
}


def run(binary, *args):
    proc = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"{args}: exit {proc.returncode}: {proc.stderr}"
    return proc.stdout


def complete(script, words):
    """What the completion offers for the command line `words` (the last is being typed)."""
    line = " ".join(f"'{w}'" if w else "''" for w in words)
    program = (f"source '{script}'\n"
               f"COMP_WORDS=({line})\n"
               f"COMP_CWORD={len(words) - 1}\n"
               "_handoff_lint\n"
               "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True,
                          text=True, timeout=30, cwd=os.path.join(ROOT, "examples"))
    assert proc.returncode == 0, proc.stderr
    return [w for w in proc.stdout.split("\n") if w]


def main():
    binary = os.path.abspath(sys.argv[1])
    update = os.environ.get("UPDATE_GENERATED") == "1"
    for args, path in GENERATED.items():
        expected = run(binary, *args)
        if update:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(expected)
        with open(path, encoding="utf-8") as f:
            committed = f.read()
        rel = os.path.relpath(path, ROOT)
        assert committed == expected, (
            f"{rel} is not `handoff-lint {' '.join(args)}`; regenerate it with "
            f"UPDATE_GENERATED=1 python3 tests/scripts/test_ci_generated_docs.py BINARY")
    script = GENERATED[("completion", "bash")]
    with open(GENERATED[("man",)], encoding="utf-8") as f:
        man = f.read().replace("\\-", "-")

    # Every option of `check --help` is offered by the completion and documented in the page.
    check_options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", run(binary, "check", "--help")))
    assert {"--fail-on", "--min-score", "--threshold", "--max-warnings", "--baseline",
            "--write-baseline", "--report"} <= check_options, check_options
    offered = set(complete(script, ["handoff-lint", "check", "--"]))
    assert check_options <= offered, check_options - offered
    missing = {o for o in check_options - {"--help"} if f"\\fB{o}\\fR" not in man}
    assert not missing, f"not in docs/handoff-lint.1: {missing}"

    subprocess.run(["bash", "-n", script], check=True)
    commands = complete(script, ["handoff-lint", ""])
    assert {"check", "rules", "explain", "config", "init"} <= set(commands), commands
    assert "completion" not in commands and "man" not in commands, commands  # hidden
    assert complete(script, ["handoff-lint", "ch"]) == ["check"]
    assert complete(script, ["handoff-lint", "check", "--fail-on", ""]) == [
        "error", "warning", "info", "never"]
    assert complete(script, ["handoff-lint", "check", "--fail-on", "w"]) == ["warning"]
    assert complete(script, ["handoff-lint", "check", "-f", "s"]) == ["sarif"]
    assert complete(script, ["handoff-lint", "check", "--max-warnings", ""]) == []
    assert complete(script, ["handoff-lint", "check", "--baseline", "harbor"]) == [
        "harborline-logistics.yaml"]
    assert complete(script, ["handoff-lint", "check", "-f", "json", "oak"]) == [
        "oakmont-tooling.md"]
    print(f"completion: {len(offered)} check options, values and file names complete")

    if shutil.which("groff"):
        proc = subprocess.run(["groff", "-man", "-ww", "-z", GENERATED[("man",)]],
                              capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0 and not proc.stderr, proc.stderr
        print("man page: groff reads it without warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
