#!/usr/bin/env bash
# Where the time goes: callgrind over a small corpus, costs grouped by stage.
#
#   bench/profile.sh [N]       default 500 records
#
# Builds build-bench/prof (RelWithDebInfo: -O2 -g, so inlined code keeps its source lines),
# generates N records into /tmp/handoff-prof/<N>, runs `check --format json -j1` under
# valgrind --tool=callgrind, and prints the inclusive instruction counts of the functions that
# mark each stage (read, parse, rules, report), then the top functions by self cost. Counts are
# instructions, not time: they do not depend on what else the machine is doing.
# The full profile stays in /tmp/handoff-prof/callgrind.<N>.out for callgrind_annotate.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build-bench/prof
N=${1:-500}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "profile.sh: not a record count: $N" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "profile.sh: valgrind is required" >&2; exit 2; }

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHANDOFF_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j2 --target handoff-lint >/dev/null
OUT=/tmp/handoff-prof
rm -rf "${OUT:?}/$N"
python3 "$ROOT/bench/gen_corpus.py" "$OUT/$N" "$N" 2>/dev/null
CG=$OUT/callgrind.$N.out
valgrind --tool=callgrind --callgrind-out-file="$CG" \
  "$BUILD/handoff-lint" check --format json -j1 "$OUT/$N" >/dev/null 2>"$OUT/valgrind.$N.log" || true

callgrind_annotate --inclusive=yes "$CG" 2>/dev/null >"$OUT/inclusive.$N.txt"
callgrind_annotate "$CG" 2>/dev/null >"$OUT/self.$N.txt"
python3 - "$OUT/inclusive.$N.txt" "$OUT/self.$N.txt" "$N" <<'PY'
import re, sys

inclusive, self_cost, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
line_re = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)$")

def rows(path):
    out = []
    for line in open(path, errors="replace"):
        m = line_re.match(line)
        if m:
            out.append((int(m.group(1).replace(",", "")), m.group(2)))
    return out

inc = rows(inclusive)
total = next(c for c, name in inc if name.startswith("PROGRAM TOTALS"))

def cost(*needles):
    """Largest inclusive cost among functions whose name holds every needle (0 if none)."""
    best = 0
    for c, name in inc:
        if name.startswith("PROGRAM") or "=>" in name:
            continue
        if all(k in name for k in needles):
            best = max(best, c)
    return best

per_input = cost("OrderedRun::check_input(unsigned long) [")
load = cost("handoff::load_source(")
callback = cost("check_input(unsigned long)::{lambda(handoff::Loaded&&)#1}::operator()")
rules = cost("handoff::Engine::run(handoff::Loaded const&) const [")
report = cost("JsonReporter::render(")
yaml_lib = cost("YAML::Parser::HandleNextDocument")
yaml_fast = cost("handoff::yaml::emit_simple_document(")
cmark_lib = cost("cmark_parse_document")
run_all = cost("handoff::run_check(")
config = cost("handoff::default_config() [")
tokenize = cost("handoff::text::tokenize(")

groups = [
    ("start-up (CLI, built-in configuration)", total - run_all),
    ("read (stat, read, byte pass, config lookup)", per_input - load),
    ("parse: YAML fast path (tree included)", yaml_fast),
    ("parse: yaml-cpp event parser (records outside the fast path's subset)", yaml_lib),
    ("parse: cmark", cmark_lib),
    ("parse: handoff-lint loaders (tree walk, sections, record)", load - callback - yaml_fast - yaml_lib - cmark_lib),
    ("rules (Engine::run)", rules),
    ("report (JSON reporter)", report),
    ("other (ordering, summary)", run_all - per_input + callback - rules - report),
]
print(f"callgrind, check --format json -j1, {n} records: {total:,} instructions "
      f"({total / n / 1e6:.2f} M per record)\n")
print("| stage | instructions | share | per record |")
print("|---|---:|---:|---:|")
for label, c in groups:
    print(f"| {label} | {c:,} | {100 * c / total:.1f}% | {c / n / 1e3:,.0f} K |")
print(f"\nwithin start-up, default_config(): {config:,} ({100 * config / total:.1f}%); "
      f"text::tokenize, inclusive, all callers: {tokenize:,} ({100 * tokenize / total:.1f}%)\n")
print("top functions by self cost:")
for c, name in rows(self_cost)[1:16]:
    name = re.sub(r"\s*\[/[^]]*\]$", "", name)
    name = name.replace("(anonymous namespace)", "{anon}")
    name = re.sub(r"^\S*?\.(c|S|cc|cpp|h|hpp|tcc):", "", name)  # drop "path/file.cpp:"
    name = re.sub(r"\(.*", "(...)", name)
    print(f"  {100 * c / total:5.1f}%  {name[:110]}")
PY
