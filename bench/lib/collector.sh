# Shared by the benchmark scripts that need a collector (source it): start the real collector
# distribution on its own ports and data folder, enroll an agent over mTLS as bin/driftproof does,
# run the agent with the systemd unit's JVM flags; common.sh stops them when the script exits.
#
# Before sourcing, a script sets BENCH_HTTP_PORT and BENCH_HTTPS_PORT; this sets COLLECTOR_URL,
# COLLECTOR_CA and DRIFTPROOF_ADMIN_PASSWORD.

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
COLLECTOR_APP="$BENCH_ROOT/collector/target/quarkus-app"
AGENT_JAR="$BENCH_ROOT/agent/target/driftproof-agent.jar"
AGENT_UNIT="$BENCH_ROOT/deploy/systemd/driftproof-agent.service"
COLLECTOR_URL="https://localhost:$BENCH_HTTPS_PORT"
COLLECTOR_CA="$BENCH_DIR/data/pki/ca.crt"
DRIFTPROOF_ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
export DRIFTPROOF_ADMIN_PASSWORD

# collector_install postgresql|h2: a private copy of the distribution in BENCH_DIR, built for that
# database kind (the launcher re-augments in place, so the build tree's copy stays as it is).
collector_install() {
  COLLECTOR_APP_COPY="$BENCH_DIR/quarkus-app"
  cp -r "$COLLECTOR_APP" "$COLLECTOR_APP_COPY"
  "$COLLECTOR_APP_COPY/bin/driftproof-collector" build --db="$1" > "$BENCH_DIR/collector-build.log" 2>&1 \
    || die "collector build --db=$1 failed, see $BENCH_DIR/collector-build.log"
}

# collector_start [ENV=VALUE ...]: starts the collector (the private copy when installed, else the
# build tree's distribution) with the given extra environment and waits until it is ready.
collector_start() {
  local app="${COLLECTOR_APP_COPY:-$COLLECTOR_APP}"
  mkdir -p "$BENCH_DIR/data"
  log "starting the collector on $COLLECTOR_URL (log: $BENCH_DIR/collector.log)"
  env DRIFTPROOF_DATA_DIR="$BENCH_DIR/data" QUARKUS_HTTP_PORT="$BENCH_HTTP_PORT" \
    QUARKUS_HTTP_SSL_PORT="$BENCH_HTTPS_PORT" "$@" \
    "$app/bin/driftproof-collector" run > "$BENCH_DIR/collector.log" 2>&1 &
  BENCH_PIDS+=("$!")
  COLLECTOR_PID=$!
  local _
  for _ in $(seq 1 240); do
    if [[ -f "$COLLECTOR_CA" ]] && curl -fsS --cacert "$COLLECTOR_CA" "$COLLECTOR_URL/q/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$COLLECTOR_PID" 2>/dev/null || { tail -n 30 "$BENCH_DIR/collector.log" >&2; die "the collector stopped during start-up"; }
    sleep 0.5
  done
  die "the collector was not ready within 120 s"
}

# The agent's JVM options, read from the systemd unit so the benchmark runs what production runs.
agent_jvm_flags() {
  sed -n '/^ExecStart=/,/-jar/p' "$AGENT_UNIT" | tr ' \\' '\n\n' | grep -E '^-X'
}

# agent_enroll STATE_DIR: an enrollment token from the collector, then `enroll` over TLS.
agent_enroll() {
  local state_dir="$1" token_file="$BENCH_DIR/token"
  mkdir -p "$state_dir"
  DRIFTPROOF_DATA_DIR="$BENCH_DIR/data" "$COLLECTOR_APP/bin/driftproof-collector" token create --ttl 10 \
    --url "$COLLECTOR_URL" --cacert "$COLLECTOR_CA" > "$token_file" || die "could not get an enrollment token"
  java -Xmx64m -XX:+UseSerialGC -jar "$AGENT_JAR" enroll --collector "localhost:$BENCH_HTTPS_PORT" \
    --config "$BENCH_DIR/agent.conf" --state-dir "$state_dir" --token-file "$token_file" >&2 || die "enrollment failed"
  rm -f "$token_file"
}

# agent_start STATE_DIR WATCHED_DIR [agent run flags ...]: the agent in run mode over mTLS,
# reporting only the config files under WATCHED_DIR.
agent_start() {
  local state_dir="$1" watched="$2"
  shift 2
  local flags
  mapfile -t flags < <(agent_jvm_flags)
  log "starting the agent (${flags[*]}) watching $watched (log: $BENCH_DIR/agent.log)"
  LANG=C.UTF-8 java "${flags[@]}" -jar "$AGENT_JAR" run --config "$BENCH_DIR/agent.conf" \
    --collector "localhost:$BENCH_HTTPS_PORT" --state-dir "$state_dir" --path "$watched/**" \
    --collectors config_files "$@" > "$BENCH_DIR/agent.log" 2>&1 &
  BENCH_PIDS+=("$!")
  AGENT_PID=$!
}

# api PATH: GET a REST resource with BENCH_API_TOKEN when set, else as admin (credentials go on
# stdin, not on the command line).
api() {
  if [[ -n "${BENCH_API_TOKEN:-}" ]]; then
    printf 'header = "Authorization: Bearer %s"\n' "$BENCH_API_TOKEN"
  else
    printf 'user = "admin:%s"\n' "$DRIFTPROOF_ADMIN_PASSWORD"
  fi | curl -fsS --cacert "$COLLECTOR_CA" -K - "$COLLECTOR_URL$1"
}

# api_token ROLE: a new API token (Bearer) with that role; cheaper per request than Basic (bcrypt).
api_token() {
  printf 'user = "admin:%s"\n' "$DRIFTPROOF_ADMIN_PASSWORD" \
    | curl -fsS --cacert "$COLLECTOR_CA" -K - -H 'Content-Type: application/json' \
        -d "{\"name\": \"bench\", \"roles\": [\"$1\"], \"ttlDays\": 1}" "$COLLECTOR_URL/api/v1/api-tokens" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

# wait_for_host: prints the id of the first host the collector knows, once there is one.
wait_for_host() {
  local _ id
  for _ in $(seq 1 120); do
    id="$(api /api/v1/hosts | sed -n 's/.*"items":\[{"id":"\([^"]*\)".*/\1/p')"
    [[ -n "$id" ]] && { echo "$id"; return 0; }
    sleep 0.5
  done
  die "no host reported within 60 s (see $BENCH_DIR/agent.log)"
}

# The agent reads only its flags: an empty config file keeps /etc/driftproof/agent.conf out of it.
: > "$BENCH_DIR/agent.conf"
