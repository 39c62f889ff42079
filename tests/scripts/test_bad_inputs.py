#!/usr/bin/env python3
"""The bad-input catalogue in one invocation: every nasty file in tests/bad_inputs/ plus cases
generated here (a 50 MB single line, a symlink loop, a FIFO, a directory named like a record, an
unreadable file) sit beside valid records; one `check --format json` run must report each with
its expected gate and message, still check the valid ones, exit 2, and stay within a time and
memory bound."""
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# file -> (gate, substring of the first finding's message or None, line or None)
EXPECTED = {
    "invalid-utf8.yaml": ("error", "invalid UTF-8", 2),
    "overlong-utf8.md": ("error", "invalid UTF-8", 5),
    "nul-bytes.yaml": ("error", "NUL", 1),
    "utf16-looking.yaml": ("error", "NUL", 1),
    "binary.md": ("error", "NUL", 1),
    "bom-crlf.txt": ("fail", None, None),
    "cr-only.yaml": ("fail", None, None),
    "deep-nesting.yaml": ("error", "depth", 2),
    "alias-bomb.yaml": ("error", "alias", 2),
    "alias-cycle.yaml": ("error", "alias", 2),
    "duplicate-keys.yaml": ("fail", None, None),
    "wrong-type-acv-list.yaml": ("error", "acv", 2),
    "wrong-type-field-map.yaml": ("error", "champion_profile", 3),
    "wrong-type-products-number.yaml": ("error", "products", 2),
    "document-list.yaml": ("error", "mapping", 1),
    "document-scalar.yaml": ("error", "mapping", 1),
    "tabs-indent.yaml": ("error", "tab", 3),
    "unterminated-quote.yaml": ("error", "quote", 2),
    "empty.yaml": ("error", "no content", None),
    "whitespace-only.md": ("error", "no content", None),
    # generated below
    "long-line.txt": ("error", "limit", None),
    "loop-a.md": ("error", "symlink loop", None),
    "pipe.md": ("error", "FIFO", None),
    "folder.md": ("error", "directory", None),
    "harborline-logistics.yaml": ("pass", None, None),
    "quillfeather-press.yaml": ("fail", None, None),
}


def main() -> int:
    binary = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="handoff-bad-")
    try:
        src = os.path.join(ROOT, "tests", "bad_inputs")
        for name in os.listdir(src):
            shutil.copy(os.path.join(src, name), tmp)
        for name in ("harborline-logistics.yaml", "quillfeather-press.yaml"):
            shutil.copy(os.path.join(ROOT, "examples", name), tmp)
        with open(os.path.join(tmp, "long-line.txt"), "wb") as f:  # 50 MB, one line
            chunk = b"x" * (1 << 20)
            for _ in range(50):
                f.write(chunk)
        os.symlink("loop-b.md", os.path.join(tmp, "loop-a.md"))
        os.symlink("loop-a.md", os.path.join(tmp, "loop-b.md"))
        EXPECTED["loop-b.md"] = ("error", "symlink loop", None)
        os.mkfifo(os.path.join(tmp, "pipe.md"))
        os.mkdir(os.path.join(tmp, "folder.md"))
        if os.geteuid() != 0:  # root reads anything, so the case only means something for others
            path = os.path.join(tmp, "unreadable.md")
            open(path, "w").write("## Champion\nKim\n")
            os.chmod(path, 0)
            EXPECTED["unreadable.md"] = ("error", "permission denied", None)

        start = time.monotonic()
        proc = subprocess.run([binary, "check", "--format", "json", tmp], capture_output=True,
                              timeout=60, env=dict(os.environ, NO_COLOR="1"))
        elapsed = time.monotonic() - start
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        failures = []
        if proc.returncode != 2:
            failures.append(f"exit status {proc.returncode}, expected 2")
        report = json.loads(proc.stdout)
        by_name = {}
        for rec in report["records"]:
            base = os.path.basename(rec["source"].split("#")[0])
            by_name.setdefault(base, rec)
        for name, (gate, needle, line) in sorted(EXPECTED.items()):
            rec = by_name.get(name)
            if rec is None:
                failures.append(f"{name}: not reported")
                continue
            if rec["gate"] != gate:
                failures.append(f"{name}: gate {rec['gate']}, expected {gate}: {rec['findings'][:1]}")
                continue
            if needle is not None:
                first = rec["findings"][0] if rec["findings"] else {"message": "", "line": None}
                if needle.lower() not in first["message"].lower():
                    failures.append(f"{name}: message {first['message']!r} lacks {needle!r}")
                if line is not None and first.get("line") != line:
                    failures.append(f"{name}: line {first.get('line')}, expected {line}")
        unexpected = set(by_name) - set(EXPECTED)
        if unexpected:
            failures.append(f"unexpected records: {sorted(unexpected)}")
        dup = by_name.get("duplicate-keys.yaml")
        if dup and not any(f["rule"] == "HL902" for f in dup["findings"]):
            failures.append("duplicate-keys.yaml: no HL902 duplicate-key warning")
        # Bounds: the whole catalogue, 50 MB file included, in seconds and modest memory.
        if elapsed > 20:
            failures.append(f"took {elapsed:.1f} s")
        if peak_mib > 300:
            failures.append(f"peak RSS {peak_mib:.0f} MiB")
        print(f"{len(by_name)} records reported in {elapsed:.2f} s, peak RSS {peak_mib:.0f} MiB")
        for f in failures:
            print("FAIL:", f)
        return 1 if failures else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
