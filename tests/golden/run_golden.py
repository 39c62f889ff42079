#!/usr/bin/env python3
"""Runs one golden case: tests/golden/<case>/cmd holds the arguments (shell-quoted, one line),
optional `stdin` is fed to the binary, and `expected_stdout` / `expected_exit` (and `expected_stderr`, when
present) hold what it must
print and return. Run from the repository root. UPDATE_GOLDEN=1 rewrites the expected files;
review the diff before committing."""
import os
import shlex
import subprocess
import sys


def main() -> int:
    binary, case = sys.argv[1], sys.argv[2]
    args = shlex.split(open(os.path.join(case, "cmd"), encoding="utf-8").read().strip())
    stdin_path = os.path.join(case, "stdin")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    env = dict(os.environ, NO_COLOR="1")
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([binary] + args, input=stdin, capture_output=True, env=env, timeout=60)
    out_path = os.path.join(case, "expected_stdout")
    exit_path = os.path.join(case, "expected_exit")
    err_path = os.path.join(case, "expected_stderr")  # compared only when present
    if os.environ.get("UPDATE_GOLDEN") == "1":
        open(out_path, "wb").write(proc.stdout)
        open(exit_path, "w").write(f"{proc.returncode}\n")
        if proc.stderr:
            open(err_path, "wb").write(proc.stderr)
        elif os.path.exists(err_path):
            os.remove(err_path)
        print(f"updated {case}")
        return 0
    expected = open(out_path, "rb").read()
    want_exit = int(open(exit_path).read().strip())
    ok = True
    if proc.returncode != want_exit:
        print(f"exit status {proc.returncode}, expected {want_exit}")
        ok = False
    if proc.stdout != expected:
        import difflib
        diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(True),
                                    proc.stdout.decode("utf-8", "replace").splitlines(True),
                                    "expected_stdout", "actual")
        sys.stdout.writelines(diff)
        ok = False
    if os.path.exists(err_path) and proc.stderr != open(err_path, "rb").read():
        print("stderr differs from expected_stderr")
        ok = False
    if not ok:
        sys.stdout.write("stderr:\n" + proc.stderr.decode("utf-8", "replace"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
