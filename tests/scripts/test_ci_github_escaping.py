#!/usr/bin/env python3
"""GitHub workflow commands from hostile names and text: %, CR, LF, ':' and ','.

Usage: test_ci_github_escaping.py BINARY

Checks records whose file names hold '%', ',', ':', CR and LF, and whose text holds '%', ':'
and ','. Every output line must be one workflow command in the syntax GitHub parses; decoding
the properties and the message the way the runner does must give back the file name and the
text (with control characters in names shown as visible escapes, never raw).
"""
import os
import re
import subprocess
import sys
import tempfile

COMMAND = re.compile(r"^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::")

RECORD = """account: Saltmarsh Ferries
acv: $22,000
close_date: 2026-02-11
ae: Ilse Varga
csm: Tobias Quint
buying_motivation: |
  A ferry booking outage during the Easter rush cost them two days of sales, and the operations
  director, Wen Hollis, must show the board a working online booking flow before 2026-06-01.
champion_profile: |
  Wen Hollis, Director of Operations, sponsored the purchase and presented it to the board; her
  promotion case this year rests on the summer season running without a booking outage.
promises_commitments:
  - We promised a timetable import from their old system by 2026-03-01.
  - We agreed to run a load test by 2026-03-15, before the Easter timetable goes live.
red_flags_risks:
  - Refund rate 40%, per finance: they doubt the payment page.
  - The harbour master, Piet Oduya, worried about kiosk uptime; we shared our uptime report and he accepted it.
political_landscape: |
  The finance manager, Rhys Calder, preferred keeping the phone booking line and was overruled;
  he is skeptical and watches the refund numbers. Piet Oduya is neutral.
success_criteria: |
  Wen wants 80% of bookings online by 2026-09-30 and refund requests below 2% of bookings by the
  end of the summer season.
communication_style: |
  Wen prefers a weekly 30-minute call on Thursdays and email for anything that needs a record;
  she dislikes surprise escalations.
"""


def decode_property(value):
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def decode_data(value):
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse(line):
    """(command, {property: decoded value}, decoded message) as the runner reads the line."""
    match = COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = {}
    if match.group(2):
        for pair in match.group(2)[1:].split(","):
            key, _, value = pair.partition("=")
            props[key] = decode_property(value)
    return match.group(1), props, decode_data(line[match.end():])


def main():
    binary = os.path.abspath(sys.argv[1])
    hostile = "handoff, q3: 100% done.yaml"
    control = "cr\rand\nlf.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "handoffs"))
        for name in (hostile, control):
            with open(os.path.join(tmp, "handoffs", name), "w", encoding="utf-8") as f:
                f.write(RECORD)
        proc = subprocess.run([binary, "check", "--format", "github", "handoffs/"], cwd=tmp,
                              capture_output=True, timeout=60, env=dict(os.environ,
                                                                        GITHUB_STEP_SUMMARY=""))
    out = proc.stdout.decode("utf-8")
    assert proc.returncode in (0, 1), f"exit {proc.returncode}: {proc.stderr!r}"
    assert "\r" not in out, "a raw CR would end the command early"
    lines = out.split("\n")
    assert lines[-1] == "" and lines[-2].startswith("handoff-lint: 2 records"), lines[-2:]
    commands = [parse(line) for line in lines[:-2]]
    files = sorted({props["file"] for _, props, _ in commands})
    # Control characters in a name are shown as visible escapes, the rest survives decoding.
    assert files == ["handoffs/cr\\x0dand\\x0alf.yaml", f"handoffs/{hostile}"], files
    # One HL405 warning per record: the risk whose handling is not stated.
    risks = [c for c in commands if c[1]["title"].startswith("HL405")]
    assert [c[0] for c in risks] == ["warning", "warning"], commands
    for _, props, message in risks:
        assert props["line"] == "16" and props["col"] == "5", props
        assert props["title"] == "HL405 Red flags and risks", props
        assert message.startswith('Say how "Refund rate 40%, per finance:'), message
    raw = [line for line in lines if "handoff%2C" in line and "title=HL405" in line][0]
    assert "file=handoffs/handoff%2C q3%3A 100%25 done.yaml," in raw, raw
    assert '::Say how "Refund rate 40%25, per finance:' in raw, raw
    print(f"{len(commands)} commands parse back to the original names and text")

    # The first finding of a gap adds its question on a second line: LF must arrive as %0A.
    weak = RECORD.replace(
        "  A ferry booking outage during the Easter rush cost them two days of sales, and the "
        "operations\n  director, Wen Hollis, must show the board a working online booking flow "
        "before 2026-06-01.\n",
        "  They wanted better booking software.\n")
    assert weak != RECORD
    proc = subprocess.run([binary, "check", "--format", "github", "-"], input=weak.encode(),
                          capture_output=True, timeout=60,
                          env=dict(os.environ, GITHUB_STEP_SUMMARY=""))
    assert proc.returncode == 1, proc.returncode
    out = proc.stdout.decode("utf-8")
    assert "\r" not in out
    commands = [parse(line) for line in out.splitlines() if line.startswith("::")]
    asked = [m for _, props, m in commands if "Buying motivation" in props["title"]
             and "\nAnswer this: What really made them buy now" in m]
    assert len(asked) == 1, commands
    assert "%0AAnswer this: What really made them buy now" in out
    print("a multi-line message travels as %0A")
    return 0


if __name__ == "__main__":
    sys.exit(main())
