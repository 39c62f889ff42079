#!/usr/bin/env bash
# handoff-lint against what a team would use instead, on the bench corpus of N records.
#
#   bench/compare.sh [N]        default N: 10000; corpus /tmp/handoff-bench/N (made by bench/run.sh)
#
# YAML half: ajv-cli with bench/compare/record.schema.json against `handoff-lint check` on the
# same files. Markdown half: markdownlint-cli2 with MD043 (required headings) only, configured
# by bench/compare/.markdownlint-cli2.jsonc, against `handoff-lint check` on the same files. Then
# each tool on one record of each kind. Every command is timed with hyperfine (1 warmup, 5 runs,
# -i: the tools exit 1 when a record fails) and run once more under /usr/bin/time for its peak
# RSS, its exit status and how many records it flagged. Prints one Markdown table (median wall
# time, mean CPU time user+sys, records/s at the median, peak RSS) and the ratios; the hyperfine
# JSON, the table and the tools' outputs are kept in /tmp/handoff-compare/results/N-<time>/.
#
# ajv-cli and markdownlint-cli2 are installed with npm into a private prefix outside the repo
# (/tmp/handoff-compare/node) at the pinned versions below when they are not there yet.
# Environment: HANDOFF_BENCH_DIR (corpus root, default /tmp/handoff-bench), HANDOFF_LINT (binary,
# default build-bench/handoff-lint; it is not built here), HANDOFF_COMPARE_DIR (default
# /tmp/handoff-compare), HANDOFF_COMPARE_RUNS (timed runs, default 5).
set -euo pipefail

N=${1:-10000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "compare.sh: not a record count: $N" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$ROOT/bench/compare
CORPUS=${HANDOFF_BENCH_DIR:-/tmp/handoff-bench}/$N
LINT=${HANDOFF_LINT:-$ROOT/build-bench/handoff-lint}
WORK=${HANDOFF_COMPARE_DIR:-/tmp/handoff-compare}
RUNS=${HANDOFF_COMPARE_RUNS:-5}
NODE_PREFIX=$WORK/node
NPM_PACKAGES=(ajv-cli@5.0.0 ajv-formats@3.0.1 markdownlint-cli2@0.22.1)
SCHEMA=$HERE/record.schema.json
MDL_CONFIG=$HERE/.markdownlint-cli2.jsonc

for tool in hyperfine /usr/bin/time python3 node npm; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is required" >&2; exit 2; }
done
[[ -x $LINT ]] || { echo "compare.sh: no handoff-lint at $LINT (build it with bench/run.sh)" >&2; exit 2; }
[[ -d $CORPUS ]] || { echo "compare.sh: no corpus at $CORPUS (make it with bench/run.sh $N)" >&2; exit 2; }

AJV=$NODE_PREFIX/node_modules/.bin/ajv
MDL=$NODE_PREFIX/node_modules/.bin/markdownlint-cli2
if [[ ! -x $AJV || ! -x $MDL || ! -d $NODE_PREFIX/node_modules/ajv-formats ]]; then
  echo "== npm install --prefix $NODE_PREFIX ${NPM_PACKAGES[*]}" >&2
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-audit --no-fund "${NPM_PACKAGES[@]}" >&2
fi

RESULTS=$WORK/results/$N-$(date +%Y%m%dT%H%M%S)
mkdir -p "$RESULTS"

N_YAML=$(find "$CORPUS" -type f -name '*.yaml' | wc -l)
N_MD=$(find "$CORPUS" -type f -name '*.md' | wc -l)
ONE_YAML=$(find "$CORPUS" -type f -name '*.yaml' | LC_ALL=C sort | sed -n 1p)
ONE_MD=$(find "$CORPUS" -type f -name '*.md' | LC_ALL=C sort | sed -n 1p)
ONE_MD_REL=${ONE_MD#"$CORPUS"/}

{
  echo "date: $(date -Is)"
  echo "uptime at start: $(uptime)"
  echo "corpus: $CORPUS ($N_YAML YAML, $N_MD Markdown; $(cat "$CORPUS.stamp" 2>/dev/null || echo 'no stamp'))"
  echo "handoff-lint: $("$LINT" --version) ($LINT, sha256 $(sha256sum "$LINT" | cut -c1-16), built $(date -r "$LINT" -Is))"
  echo "node: $(node --version); ajv-cli: $(node -p "require('$NODE_PREFIX/node_modules/ajv-cli/package.json').version") (ajv $(node -p "require('$NODE_PREFIX/node_modules/ajv/package.json').version"), ajv-formats $(node -p "require('$NODE_PREFIX/node_modules/ajv-formats/package.json').version")); markdownlint-cli2: $(node -p "require('$NODE_PREFIX/node_modules/markdownlint-cli2/package.json').version") (markdownlint $(node -p "require('$NODE_PREFIX/node_modules/markdownlint/package.json').version"))"
  echo "$(hyperfine --version); cores: $(nproc)"
} | tee "$RESULTS/env.txt" >&2

# name|records|kind|command. kind tells how to count flagged records in the command's output.
# The commands run in a shell (hyperfine's, and bash -c under /usr/bin/time); markdownlint-cli2
# expands its glob relative to the current folder, ajv-cli expands its -d glob itself (no
# argument-list limit either way).
CMDS=(
  "ajv-yaml|$N_YAML|ajv|$AJV validate -c ajv-formats -s '$SCHEMA' -d '$CORPUS/**/*.yaml'"
  "handoff-lint-yaml|$N_YAML|hl|'$LINT' check --format json -j2 --exclude '*.md' '$CORPUS'"
  "markdownlint-md|$N_MD|mdl|cd '$CORPUS' && $MDL --config '$MDL_CONFIG' '**/*.md'"
  "handoff-lint-md|$N_MD|hl|'$LINT' check --format json -j2 --exclude '*.yaml' '$CORPUS'"
  "ajv-one-yaml|1|ajv|$AJV validate -c ajv-formats -s '$SCHEMA' -d '$ONE_YAML'"
  "handoff-lint-one-yaml|1|hl|'$LINT' check --format json -j2 '$ONE_YAML'"
  "markdownlint-one-md|1|mdl|cd '$CORPUS' && $MDL --config '$MDL_CONFIG' '$ONE_MD_REL'"
  "handoff-lint-one-md|1|hl|'$LINT' check --format json -j2 '$ONE_MD'"
)

# One run of each under /usr/bin/time: peak RSS (KiB; the largest of the shell and its
# descendants), exit status, stdout and stderr for the flagged counts.
: >"$RESULTS/rss.txt"
for entry in "${CMDS[@]}"; do
  IFS='|' read -r name _ _ cmd <<<"$entry"
  echo "== $name (peak RSS)" >&2
  rc=0
  /usr/bin/time -f '%M' -o "$RESULTS/$name.time" bash -c "$cmd" \
    >"$RESULTS/$name.stdout" 2>"$RESULTS/$name.stderr" || rc=$?
  echo "$name $(tail -n 1 "$RESULTS/$name.time") $rc" >>"$RESULTS/rss.txt"
done

HF_ARGS=(--warmup 1 --runs "$RUNS" -i --style basic --export-json "$RESULTS/hyperfine.json")
for entry in "${CMDS[@]}"; do
  IFS='|' read -r name _ _ cmd <<<"$entry"
  HF_ARGS+=(-n "$name" "$cmd")
done
echo "== hyperfine" >&2
hyperfine "${HF_ARGS[@]}" >&2

echo "uptime at end: $(uptime)" | tee -a "$RESULTS/env.txt" >&2

printf '%s\n' "${CMDS[@]}" >"$RESULTS/commands.txt"
python3 - "$RESULTS" <<'EOF' | tee "$RESULTS/table.md"
import json, re, sys
from pathlib import Path

res = Path(sys.argv[1])
runs = {r["command"]: r for r in json.loads((res / "hyperfine.json").read_text())["results"]}
rss = {}
for line in (res / "rss.txt").read_text().splitlines():
    name, kib, rc = line.split()
    rss[name] = (int(kib) / 1024, int(rc))

def flagged(name, kind):
    out = (res / f"{name}.stdout").read_text(errors="replace")
    err = (res / f"{name}.stderr").read_text(errors="replace")
    if kind == "ajv":  # "<file> invalid" on stderr for each failing record
        return sum(1 for l in err.splitlines() if l.endswith(" invalid"))
    if kind == "mdl":  # "<file>:<line> error MD043/..." on stderr, one or more per failing record
        return len({l.split(":", 1)[0] for l in err.splitlines() if " MD043/" in l})
    summary = json.loads(out)["summary"]  # handoff-lint: records whose gate failed or errored
    return summary["failed"] + summary.get("errored", 0)

env = (res / "env.txt").read_text()
for key in ("uptime at start", "uptime at end"):
    m = re.search(key + r": .*load average: (.*)", env)
    print(f"- load average (1, 5, 15 min) {key[10:]}: {m.group(1) if m else '?'}")
print()
print("| command | records | flagged | exit | median wall s | min wall s | mean CPU s (user+sys) | records/s (median) | peak RSS MiB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
rows = {}
for line in (res / "commands.txt").read_text().splitlines():
    name, records, kind, _ = line.split("|", 3)
    r = runs[name]
    cpu = r["user"] + r["system"]
    rows[name] = (r["median"], cpu, rss[name][0])
    print(f"| {name} | {records} | {flagged(name, kind)} | {rss[name][1]} | {r['median']:.3f} | {r['min']:.3f} "
          f"| {cpu:.3f} | {int(records) / r['median']:,.0f} | {rss[name][0]:.1f} |")
print()
print("| ratio (other tool / handoff-lint) | wall (median) | CPU (user+sys) | peak RSS |")
print("| --- | ---: | ---: | ---: |")
for label, a, b in (("ajv-cli / handoff-lint, YAML half", "ajv-yaml", "handoff-lint-yaml"),
                    ("markdownlint-cli2 / handoff-lint, Markdown half", "markdownlint-md", "handoff-lint-md"),
                    ("ajv-cli / handoff-lint, one YAML record", "ajv-one-yaml", "handoff-lint-one-yaml"),
                    ("markdownlint-cli2 / handoff-lint, one Markdown record", "markdownlint-one-md", "handoff-lint-one-md")):
    x, y = rows[a], rows[b]
    print(f"| {label} | {x[0] / y[0]:.1f}x | {x[1] / y[1]:.1f}x | {x[2] / y[2]:.1f}x |")
EOF
echo "== results in $RESULTS" >&2
