#!/usr/bin/env bash
# Agent at rest: RSS and CPU of `run` over a period with no changes, after its first snapshot was
# delivered, against the real collector (embedded H2) over mTLS. The agent inventories this
# machine as installed: packages, firmware and /etc (its default paths), with the unit's JVM flags.
#   bench/idle/run.sh [--minutes N] [--no-build]   (default 10 minutes)
set -euo pipefail
BENCH_HTTP_PORT=48080
BENCH_HTTPS_PORT=48443
source "$(dirname "$0")/../lib/collector.sh"

minutes=10 build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) die "unknown option $1 (--minutes N, --no-build)" ;;
  esac
done

$build && build_modules collector
collector_start
agent_enroll "$BENCH_DIR/agent"
agent_start "$BENCH_DIR/agent" /etc --collectors deb_packages --collectors firmware
wait_for_host > /dev/null
# Settled: the first snapshot acknowledged and nothing left in the spool.
for _ in $(seq 1 120); do
  java -jar "$AGENT_JAR" status --state-dir "$BENCH_DIR/agent" 2>/dev/null | grep -q '^spool.pending-deltas: 0' && break
  sleep 1
done
sleep 10

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$AGENT_PID/stat"; }
rss_kib() { awk -v f="$1:" '$1 == f {print $2}' "/proc/$AGENT_PID/status"; }
start_ticks=$(cpu_ticks)
start=$(date +%s.%N)
log "agent $AGENT_PID settled; measuring for $minutes minute(s)"
min_rss=$(rss_kib VmRSS) max_rss=$min_rss
for _ in $(seq 1 $((minutes * 6))); do
  sleep 10
  kill -0 "$AGENT_PID" 2>/dev/null || die "the agent stopped (see $BENCH_DIR/agent.log)"
  rss=$(rss_kib VmRSS)
  (( rss < min_rss )) && min_rss=$rss
  (( rss > max_rss )) && max_rss=$rss
done
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {print e - s}')
cpu_s=$(awk -v a="$start_ticks" -v b="$(cpu_ticks)" -v t="$ticks" 'BEGIN {printf "%.2f", (b - a) / t}')
echo "idle minutes=$minutes elapsed_s=$(printf '%.0f' "$elapsed") cpu_s=$cpu_s" \
  "cpu_percent_of_core=$(awk -v c="$cpu_s" -v e="$elapsed" 'BEGIN {printf "%.4f", 100 * c / e}')" \
  "rss_mib=$(awk -v k="$max_rss" 'BEGIN {printf "%.1f", k / 1024}') rss_min_mib=$(awk -v k="$min_rss" 'BEGIN {printf "%.1f", k / 1024}')" \
  "peak_rss_mib=$(awk -v k="$(rss_kib VmHWM)" 'BEGIN {printf "%.1f", k / 1024}')"
