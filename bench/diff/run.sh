#!/usr/bin/env bash
# Unified diff speed: the collector's TextDiff.of in-process (JMH) against GNU `diff -u` as a whole
# process (hyperfine), on generated config-like files of 10k and 100k lines with 1% of lines changed.
#   bench/diff/run.sh [--runs N] [--lines "10000 100000"]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

runs=5 sizes="10000 100000"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --lines) sizes=$2; shift 2 ;;
    *) die "unknown option $1 (--runs N, --lines \"N ...\")" ;;
  esac
done
[[ "$runs" -ge 5 ]] || die "--runs must be at least 5"

# generate LINES: LINES.before and LINES.after in BENCH_DIR; every 100th line differs.
generate() {
  awk -v n="$1" -v dir="$BENCH_DIR" 'BEGIN {
    for (i = 1; i <= n; i++) {
      line = sprintf("option_%06d = value-%d  # section %d, see the manual", i, (i * 7919) % 100003, int(i / 50))
      print line > (dir "/" n ".before")
      if (i % 100 == 37) line = sprintf("option_%06d = changed-%d", i, i)
      print line > (dir "/" n ".after")
    }
  }'
}

jmh_prepare collector
for lines in $sizes; do
  generate "$lines"
  before="$BENCH_DIR/$lines.before" after="$BENCH_DIR/$lines.after"
  log "$lines lines: TextDiff.of (JMH, $runs iterations) and diff -u (hyperfine)"
  read -r ours ours_min ours_max < <(jmh_iterations "$runs" TextDiffBenchmark -p before="$before" -p after="$after" | stats)
  read -r gnu gnu_min gnu_max < <(process_stats $((runs * 10)) diff -u "$before" "$after")
  echo "diff lines=$lines changed=$((lines / 100)) ours_ms=$ours ours_min_ms=$ours_min ours_max_ms=$ours_max" \
    "gnu_ms=$gnu gnu_min_ms=$gnu_min gnu_max_ms=$gnu_max ratio=$(awk -v a="$ours" -v b="$gnu" 'BEGIN {printf "%.2f", a / b}')"
done
