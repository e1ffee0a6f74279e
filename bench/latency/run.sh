#!/usr/bin/env bash
# Change-to-collector latency: a watched config file is rewritten, and the time until the observed
# change is listed by GET /api/v1/hosts/{hostId}/changes is measured, over the real collector
# distribution (embedded H2) and the real agent in run mode, enrolled over mTLS.
#   bench/latency/run.sh [--changes N] [--pause-ms MS] [--poll-ms MS] [--no-build]
set -euo pipefail
BENCH_HTTP_PORT=28080
BENCH_HTTPS_PORT=28443
source "$(dirname "$0")/../lib/collector.sh"

changes=200 pause_ms=300 poll_ms=20 build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --changes) changes=$2; shift 2 ;;
    --pause-ms) pause_ms=$2; shift 2 ;;
    --poll-ms) poll_ms=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) die "unknown option $1 (--changes N, --pause-ms MS, --poll-ms MS, --no-build)" ;;
  esac
done

$build && build_modules collector
collector_start
agent_enroll "$BENCH_DIR/agent"

watched="$BENCH_DIR/etc"
mkdir -p "$watched"
cp /etc/login.defs "$watched/login.defs"
printf 'nameserver 127.0.0.53\noptions edns0 trust-ad\n' > "$watched/resolv.conf"
agent_start "$BENCH_DIR/agent" "$watched"
host="$(wait_for_host)"
token="$(api_token AUDITOR)"
[[ -n "$token" ]] || die "could not create an API token"

log "host $host: $changes changes to $watched/login.defs, polling every $poll_ms ms"
java "$BENCH_ROOT/bench/latency/ChangeLatency.java" --url "$COLLECTOR_URL" --ca "$COLLECTOR_CA" --token "$token" \
  --host "$host" --file "$watched/login.defs" --changes "$changes" --pause-ms "$pause_ms" --poll-ms "$poll_ms" \
  --csv "${LATENCY_CSV:-/dev/null}"
