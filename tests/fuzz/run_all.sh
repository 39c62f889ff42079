#!/usr/bin/env bash
# Runs every libFuzzer harness (or the ones named) for SECONDS each, one after another, on a
# copy of its seed corpus in a temporary folder: the repository is never written.
#   tests/fuzz/run_all.sh BUILD_DIR SECONDS [HARNESS...]     e.g. run_all.sh build-fuzz 120 yaml
# BUILD_DIR is a tree configured with -DHANDOFF_FUZZ=ON and built with --target fuzzers; this
# script builds nothing. Exit status: 0 when every harness ran clean, 1 when any reported a
# crash, leak, timeout, out-of-memory or sanitizer error (its reproducer path is printed),
# 2 on bad usage or a missing binary. HANDOFF_FUZZ_KEEP=1 keeps the temp folder (grown corpora).
set -uo pipefail

usage() { echo "usage: $0 BUILD_DIR SECONDS [yaml markdown text csv jsonl config source yaml_fast]" >&2; exit 2; }
[[ $# -ge 2 ]] || usage
build_dir=$1 seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || usage
here=$(cd "$(dirname "$0")" && pwd)
harnesses=("$@")
[[ ${#harnesses[@]} -gt 0 ]] || harnesses=(yaml markdown text csv jsonl config source yaml_fast)

work=$(mktemp -d "${TMPDIR:-/tmp}/handoff-fuzz.XXXXXX")
failed=()
for h in "${harnesses[@]}"; do
  bin=$build_dir/tests/fuzz/fuzz_$h
  if [[ ! -x $bin ]]; then
    echo "run_all: $bin not found; build it with: cmake --build $build_dir --target fuzzers" >&2
    exit 2
  fi
  corpus=$work/corpus/$h artifacts=$work/artifacts/$h/ log=$work/$h.log
  mkdir -p "$corpus" "$artifacts"
  [[ -d $here/corpus/$h ]] && cp -r "$here/corpus/$h/." "$corpus/"
  # Regression inputs join the seeds, so a run starts by re-checking every past finding.
  [[ -d $here/regressions/$h ]] && cp -r "$here/regressions/$h/." "$corpus/"
  echo "== fuzz_$h: ${seconds}s, $(ls "$corpus" | wc -l) seed inputs"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
  status=$?
  reproducers=$(find "$artifacts" -type f | sort)
  if [[ $status -ne 0 || -n $reproducers ]] ||
     grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:|==ERROR: libFuzzer' "$log"; then
    failed+=("$h")
    echo "!! fuzz_$h FAILED (exit $status); log: $log"
    grep -m1 -E 'ERROR:|runtime error:|fuzz: ' "$log" | sed 's/^/   /'
    for r in $reproducers; do echo "   reproducer: $r  (replay: $bin $r)"; done
  else
    echo "   ok: $(grep -m1 -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$') runs," \
         "corpus $(ls "$corpus" | wc -l) inputs"
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run_all: failures in: ${failed[*]} (kept $work)"
  exit 1
fi
if [[ ${HANDOFF_FUZZ_KEEP:-0} == 1 ]]; then echo "run_all: clean; kept $work"; else rm -rf "$work"; echo "run_all: clean"; fi
