#!/usr/bin/env python3
"""`handoff-lint audit` end to end on tests/audit/: the CRM-style CSV export (BOM, CRLF, quoted
multi-line notes, doubled quotes, $ amounts, one broken row) and a folder of mixed files
(JSONL with a broken line, YAML, Markdown, a ';' HubSpot CSV). The aggregates by AE and by
month are checked against figures counted by hand from the fixtures (tests/audit/README.md).

Scores come from the rules, whose own tests pin them; this script checks what a reader of the
fixtures can count: records, gates, broken rows, and which fields are missing, empty or a
placeholder. The audit's arithmetic (means, rates, the worst-records heap) is pinned exactly by
tests/unit/test_audit_aggregate.cpp.

Usage: test_audit_e2e.py path/to/handoff-lint"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CRM = "tests/audit/crm-export.csv"
MIXED = "tests/audit/mixed"
CATS = ["buying_motivation", "champion_profile", "promises_commitments", "red_flags_risks",
        "political_landscape", "success_criteria", "communication_style"]

# Every person and company named anywhere in the fixtures: none may appear under --redact.
NAMES = [
    # crm-export.csv: accounts
    "Cedarbrook Veterinary Group", "Bellwether Textiles", "Halvorsen Marine Supply", "Fenwick",
    "Lowe", "Ostrander Cold Storage", "Juniper Ridge Schools", "Quarry Lane Credit Co-op",
    "Vantage Kiln Ceramics", "Corvid Analytics", "Tidewell Ferries", "Larkspur Dental Partners",
    "Ashgrove Printing", "Marlow & Finch Bakeries", "Marlow &amp; Finch",
    # crm-export.csv: AEs, CSMs, champions and everyone named in the notes
    "Rosalind Achterberg", "Kwame Osei-Bonsu", "Lucía Ferrándiz", "Luc&#237;a", "Teodora Vlasic",
    "Byron Haskett", "Maren Solberg", "Odell Brannigan", "Harriet Quill", "Lionel Ashby",
    "Anneliese Gruber", "Sigrun Halvorsen", "Jarle Moen", "Arvid Halvorsen", "Petra Lunde",
    "Imogen Takahashi-Reid", "Dmitri Volkonsky", "Seamus Garrity", "Wendell Ibsen-Clarke",
    "Oyelaran Adebayo-Cole", "Beatriz Okonkwo-Hale", "Randall Pettigrew", "Suvi Lindqvist",
    "Ottoline Baptiste-Mwangi", "Thaddeus Okafor-Brandt", "Wilhelmina Ashdown",
    "Rupert Falconbridge", "Eilidh MacSween", "Torquil Grant", "Morag Lennox", "Callum Fraser",
    "Declan Moriarty", "Fionnuala Kerrigan", "Padraig Kerrigan", "Perpetua Okwuosa-Lindgren",
    "Gwendolyn Ashby-Orr",
    # mixed/
    "Wrenfield Orchards", "Saltmarsh Brewing", "Greystone Archives", "Northgate Observatory Trust",
    "Kestrel Cycles", "Ironbark Surveying", "Quillon Fencing Club", "Hollis Vantongeren",
    "Bettina Sørlie", "Marisol Quintero", "Eamon Costigan", "Ruairi Doyle", "Clemency Adeyemi-Voss",
    "Ambrose Kettering", "Anselm Brightwater-Nyberg", "Hedda Lindqvist", "Cornelius Ashworth",
    "Philippa Ormerod", "Tamsin Achebe-Holloway", "Osric Pennington",
]
# Record text a careless report would quote (checked whole, not word by word).
RECORD_TEXT = ["TBD", "see above", "Budget is tight", "anesthesia", "frost", "humidity"]


def name_tokens():
    """Full names, and each distinctive word of them (a first or last name alone is a leak too)."""
    out = set(NAMES)
    for name in NAMES:
        for word in name.replace("&", " ").split():
            if len(word) >= 5 and word not in {"Group", "Supply", "Storage", "Schools", "Partners",
                                                "Printing", "Bakeries", "Credit", "Trust", "Ridge",
                                                "Lane", "Cold"}:
                out.add(word)
    return sorted(out) + RECORD_TEXT


def run(binary, *args, expect=0, stdin=None):
    proc = subprocess.run([binary, *args], capture_output=True, cwd=ROOT, timeout=120, input=stdin)
    if proc.returncode != expect:
        raise AssertionError(f"{args}: exit {proc.returncode}, expected {expect}\n{proc.stderr.decode()}")
    return proc


def audit_json(binary, *args):
    return json.loads(run(binary, "audit", "--format", "json", *args).stdout)


def groups(report, dim):
    return {g["key"]: g for g in report["groups"][dim]}


def skipped(stats):
    """{category: (missing, empty, placeholder)} for the categories skipped at least once."""
    return {c["category"]: (c["missing"], c["empty"], c["placeholder"])
            for c in stats["categories"] if c["missing"] + c["empty"] + c["placeholder"]}


def gates(g):
    return (g["records"], g["passed"], g["failed"], g["errors"])


def check_crm_export(binary):
    report = audit_json(binary, "--by", "ae,month", CRM)
    overall = report["overall"]
    assert gates(overall) == (13, 4, 8, 1), gates(overall)
    assert overall["pass_rate"] == round(4 / 13, 4), overall["pass_rate"]
    assert overall["error_sources"] == [CRM + "#7"], overall["error_sources"]
    assert skipped(overall) == {
        "buying_motivation": (1, 0, 0),      # #8 notes cell empty
        "champion_profile": (0, 0, 2),       # #4 and #12 "TBD"
        "promises_commitments": (1, 0, 1),   # #8 missing, #9 "N/A"
        "red_flags_risks": (2, 0, 0),        # #2 and #8
        "political_landscape": (2, 0, 1),    # #2, #8 missing; #13 "see above"
        "success_criteria": (0, 1, 1),       # #5 empty cell, #12 "n/a"
        "communication_style": (2, 0, 0),    # #2 and #8
    }, skipped(overall)
    assert [s["category"] for s in overall["most_skipped"]][0] == "political_landscape"

    by_ae = groups(report, "ae")
    assert list(by_ae) == ["Kwame Osei-Bonsu", "Lucía Ferrándiz", "Rosalind Achterberg", "(none)"], list(by_ae)
    assert gates(by_ae["Rosalind Achterberg"]) == (4, 2, 2, 0)
    assert gates(by_ae["Kwame Osei-Bonsu"]) == (4, 1, 3, 0)
    assert gates(by_ae["Lucía Ferrándiz"]) == (4, 1, 3, 0)
    assert gates(by_ae["(none)"]) == (1, 0, 0, 1)  # the broken row names no AE
    assert by_ae["Rosalind Achterberg"]["pass_rate"] == 0.5
    assert skipped(by_ae["Rosalind Achterberg"]) == {
        "champion_profile": (0, 0, 1), "red_flags_risks": (1, 0, 0),
        "political_landscape": (1, 0, 0), "communication_style": (1, 0, 0)}
    assert skipped(by_ae["Kwame Osei-Bonsu"]) == {
        "buying_motivation": (1, 0, 0), "promises_commitments": (1, 0, 1), "red_flags_risks": (1, 0, 0),
        "political_landscape": (1, 0, 0), "success_criteria": (0, 1, 0), "communication_style": (1, 0, 0)}
    assert skipped(by_ae["Lucía Ferrándiz"]) == {
        "champion_profile": (0, 0, 1), "political_landscape": (0, 0, 1), "success_criteria": (0, 0, 1)}
    assert [w["account"] for w in by_ae["Rosalind Achterberg"]["worst"]][:2] == [
        "Fenwick & <Lowe> Hardware", "Bellwether Textiles"]

    by_month = groups(report, "month")
    assert list(by_month) == ["2026-01", "2026-02", "2026-03", "(no date)"], list(by_month)
    assert gates(by_month["2026-01"]) == (4, 1, 3, 0)
    assert gates(by_month["2026-02"]) == (4, 2, 2, 0)
    assert gates(by_month["2026-03"]) == (3, 1, 2, 0)
    assert gates(by_month["(no date)"]) == (2, 0, 1, 1)
    assert skipped(by_month["2026-03"]) == {
        "buying_motivation": (1, 0, 0), "champion_profile": (0, 0, 1), "promises_commitments": (1, 0, 0),
        "red_flags_risks": (1, 0, 0), "political_landscape": (1, 0, 0), "communication_style": (1, 0, 0)}

    mapping = report["column_mappings"]
    assert len(mapping) == 1 and mapping[0]["file"] == CRM
    feeds = {c["header"]: c["feeds"] for c in mapping[0]["columns"]}
    assert feeds == {"Opportunity Name": "account", "Opportunity Owner": "ae", "CSM": "csm",
                     "Close Date": "close_date", "Amount": "acv", "Stage": "ignored",
                     "Champion": "champion_profile", "Success Criteria": "success_criteria",
                     "Handoff Notes": "notes"}, feeds
    print("crm-export.csv: by AE and by month match the hand count")


def check_mixed_folder(binary):
    report = audit_json(binary, "--by", "ae", "--by", "month", MIXED)
    assert gates(report["overall"]) == (7, 1, 5, 1), gates(report["overall"])
    assert report["overall"]["error_sources"] == [MIXED + "/api-export.jsonl#2"]
    by_ae = groups(report, "ae")
    assert list(by_ae) == ["Bettina Sørlie", "Hollis Vantongeren", "(none)"], list(by_ae)
    assert gates(by_ae["Hollis Vantongeren"]) == (3, 1, 2, 0)  # jsonl#1, the YAML (pass), csv#1
    assert gates(by_ae["Bettina Sørlie"]) == (3, 0, 3, 0)      # jsonl#3, the Markdown, csv#2
    assert gates(by_ae["(none)"]) == (1, 0, 0, 1)              # the broken JSON line
    assert skipped(by_ae["Bettina Sørlie"]) == {
        "buying_motivation": (1, 0, 0), "champion_profile": (1, 0, 1), "promises_commitments": (1, 0, 0),
        "red_flags_risks": (1, 0, 0), "political_landscape": (2, 0, 0), "success_criteria": (2, 0, 0),
        "communication_style": (1, 0, 1)}
    by_month = groups(report, "month")
    assert list(by_month) == ["2026-01", "2026-02", "(no date)"], list(by_month)
    assert gates(by_month["2026-01"]) == (2, 0, 2, 0)   # jsonl#1, the Markdown
    assert gates(by_month["2026-02"]) == (3, 1, 2, 0)   # jsonl#3, the YAML, csv#1
    assert gates(by_month["(no date)"]) == (2, 0, 1, 1)  # csv#2 (no close date), the broken line
    assert [m["file"] for m in report["column_mappings"]] == [MIXED + "/hubspot/deals.csv"]
    print("mixed folder: by AE and by month match the hand count")


def check_order_independent(binary):
    for fmt in ("text", "json", "markdown", "html"):
        for extra in ([], ["--redact"]):
            a = run(binary, "audit", "-f", fmt, "--by", "ae,csm,month,quarter,segment", *extra, CRM, MIXED).stdout
            b = run(binary, "audit", "-f", fmt, "--by", "ae,csm,month,quarter,segment", *extra, MIXED, CRM).stdout
            assert a == b, f"{fmt} {extra}: output depends on input order"
    print("text, json, markdown, html: byte-identical whatever the input order")


def check_jobs_independent(binary):
    for fmt in ("text", "json", "csv", "markdown", "html"):
        outputs = {run(binary, "audit", "-q", "-f", fmt, "-j", str(j), CRM, MIXED).stdout
                   for j in (1, 2, 3)}
        assert len(outputs) == 1, f"{fmt}: output depends on -j"
    print("text, json, csv, markdown, html: byte-identical with -j 1, 2 and 3")


def check_redact(binary):
    tokens = name_tokens()
    for fmt in ("text", "json", "markdown", "html", "csv"):
        proc = run(binary, "audit", "-f", fmt, "--redact", "--by", "ae,csm,month,quarter,segment", CRM, MIXED)
        for stream, text in (("stdout", proc.stdout.decode()), ("stderr", proc.stderr.decode())):
            leaked = [t for t in tokens if t in text]
            assert not leaked, f"--redact {fmt} {stream} names {leaked}"
        # File names can carry account names too ("kestrel-cycles.md"): sources are hashed.
        for part in ("crm-export", "api-export", "kestrel", "northgate", "hubspot/deals"):
            assert part not in proc.stdout.decode(), f"--redact {fmt} shows the path {part}"
    print(f"--redact: none of {len(tokens)} names or words from the fixtures in any format")


def check_csv_stream(binary):
    proc = run(binary, "audit", "-f", "csv", CRM)
    text = proc.stdout.decode()
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 13 * 7, len(rows)
    assert [r["category"] for r in rows[:7]] == CATS
    first = rows[0]
    assert first["source"] == CRM + "#1" and first["account"] == "Cedarbrook Veterinary Group"
    assert first["ae"] == "Rosalind Achterberg" and first["month"] == "2026-01" and first["acv"] == "67200"
    assert first["segment"] == "Mid-market ($25K-$100K)" and first["gate"] == "pass"
    broken = [r for r in rows if r["source"] == CRM + "#7"]
    assert len(broken) == 7 and all(r["gate"] == "error" and r["category_score"] == "" for r in broken)
    fenwick = [r for r in rows if r["source"] == CRM + "#4"]
    assert fenwick[0]["account"] == "Fenwick & <Lowe> Hardware"
    champion = [r for r in fenwick if r["category"] == "champion_profile"][0]
    assert champion["category_score"] == "0" and champion["pass"] == "no" and "HL203" in champion["rules"].split()
    # The column listing goes to stderr, so stdout stays pure CSV.
    assert "Handoff Notes -> notes" in proc.stderr.decode()
    print(f"csv: {len(rows)} rows, one per record per category")


def check_exit_status_and_output_file(binary):
    run(binary, "audit", CRM, expect=0)  # failing and broken records do not change it
    proc = run(binary, "audit", "tests/audit/no-such-export.csv", expect=2)
    assert b"cannot audit tests/audit/no-such-export.csv" in proc.stderr
    run(binary, "audit", "--by", "region", CRM, expect=2)
    run(binary, "audit", "--segments", "100000,25000", CRM, expect=2)
    run(binary, "audit", "-f", "sarif", CRM, expect=2)
    with tempfile.TemporaryDirectory() as tmp:
        proc = run(binary, "audit", tmp, expect=2)  # an empty folder: nothing to audit is a mistake
        assert b"nothing to audit" in proc.stderr, proc.stderr
        assert b"0 records" in proc.stdout
        unmapped = os.path.join(tmp, "export.csv")
        with open(unmapped, "w") as f:
            f.write("Id,Region,Owner Email\n1,EMEA,a@example.com\n")
        proc = run(binary, "audit", unmapped, expect=2)
        assert b"no column maps to one of the seven handoff fields" in proc.stderr, proc.stderr
        out = os.path.join(tmp, "audit.html")
        run(binary, "audit", "-f", "html", "-o", out, CRM)
        expected = run(binary, "audit", "-f", "html", CRM).stdout
        assert open(out, "rb").read() == expected
        assert not [n for n in os.listdir(tmp) if n not in ("export.csv", "audit.html")], os.listdir(tmp)
    print("exit status 0 for an audit that ran, 2 for input and usage errors; -o writes the same bytes")


def check_text_sections(binary):
    text = run(binary, "audit", CRM).stdout.decode()
    for needle in ("13 records: 4 passed, 8 failed, 1 error", "CSV columns", "Handoff Notes",
                   "notes: label lines, any field", "Stage", "ignored", "By AE", "By Month",
                   "Worst records", "Records that could not be read", CRM + "#7"):
        assert needle in text, needle
    md = run(binary, "audit", "-f", "markdown", CRM).stdout.decode()
    assert "| Fenwick &amp; &lt;Lowe&gt; Hardware |" in md, "markdown escapes record text"
    print("text and markdown: every section present")


def main():
    binary = os.path.abspath(sys.argv[1])
    check_crm_export(binary)
    check_mixed_folder(binary)
    check_order_independent(binary)
    check_jobs_independent(binary)
    check_redact(binary)
    check_csv_stream(binary)
    check_exit_status_and_output_file(binary)
    check_text_sections(binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
