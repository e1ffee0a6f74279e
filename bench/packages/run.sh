#!/usr/bin/env bash
# Package inventory speed: the agent's dpkg status parse and its whole deb_packages collector
# in-process (JMH) against `dpkg-query -W` as a whole process (hyperfine), on this machine's
# package database.
#   bench/packages/run.sh [--runs N] [--status FILE]
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

runs=5 status=/var/lib/dpkg/status
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --status) status=$2; shift 2 ;;
    *) die "unknown option $1 (--runs N, --status FILE)" ;;
  esac
done
[[ "$runs" -ge 5 ]] || die "--runs must be at least 5"
[[ -f "$status" ]] || die "$status is missing: not a Debian-family host?"
command -v dpkg-query >/dev/null || die "dpkg-query is missing: not a Debian-family host?"

installed="$(dpkg-query -W -f '${db:Status-Abbrev}\n' | grep -c '^.i')"
jmh_prepare agent
log "dpkg-query -W ($((runs * 10)) runs)"
read -r query query_min query_max < <(process_stats $((runs * 10)) dpkg-query -W -f '${Package}\t${Version}\n')
# measure FIGURE BENCHMARK PARAM: one result line.
measure() {
  log "$1 (JMH, $runs iterations)"
  read -r ours ours_min ours_max < <(jmh_iterations "$runs" "DpkgStatusBenchmark.$2" -p "$3" | stats)
  echo "packages figure=$1 packages=$installed status_bytes=$(wc -c < "$status") ours_ms=$ours ours_min_ms=$ours_min" \
    "ours_max_ms=$ours_max dpkg_query_ms=$query dpkg_query_min_ms=$query_min dpkg_query_max_ms=$query_max"
}
measure parse parse status="$status"
# The whole collector reads var/lib/dpkg/status and var/lib/dpkg/info/ under a host root.
if [[ "$status" == */var/lib/dpkg/status ]]; then
  root="${status%/var/lib/dpkg/status}"
  measure collect collect root="${root:-/}"
fi
