#!/usr/bin/env bash
# Storage growth on PostgreSQL: bytes the collector keeps per host per day for an unchanged host,
# and per observed change of a real config file, against the gzip size of that change's unified diff.
#   bench/storage/run.sh [--changes M] [--scan-seconds S] [--restarts K] [--no-build]
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); database driftproof_storage is
# dropped and created anew at every run.
set -euo pipefail
BENCH_HTTP_PORT=28180
BENCH_HTTPS_PORT=28543
source "$(dirname "$0")/../lib/collector.sh"

changes=50 scan_seconds=60 restarts=3 build=true
readonly scan_interval_s=2 db=driftproof_storage
while [[ $# -gt 0 ]]; do
  case "$1" in
    --changes) changes=$2; shift 2 ;;
    --scan-seconds) scan_seconds=$2; shift 2 ;;
    --restarts) restarts=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) die "unknown option $1 (--changes M, --scan-seconds S, --restarts K, --no-build)" ;;
  esac
done
# Real configuration files of this machine; the changes go to the first one.
config_files=(/etc/login.defs /etc/services /etc/locale.gen /etc/adduser.conf /etc/sysctl.conf /etc/nsswitch.conf
  /etc/hosts /etc/fstab /etc/passwd /etc/group /etc/profile /etc/bash.bashrc /etc/ssl/openssl.cnf)
[[ -f "${config_files[0]}" ]] || die "${config_files[0]} is missing: the per-change figure edits a copy of it"

pg() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# measure NAME: VACUUM FULL (tables rewritten without dead rows or free space) and CHECKPOINT,
# then per table of the schema: on-disk bytes (heap, TOAST, indexes), rows and row bytes.
measure() {
  pg -d "$db" -c 'VACUUM FULL' -c 'CHECKPOINT' >/dev/null
  pg -d "$db" -F ' ' > "$BENCH_DIR/$1.sizes" <<'SQL'
SELECT c.relname, pg_total_relation_size(c.oid),
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::bigint,
       (xpath('/row/b/text()', query_to_xml(format('SELECT coalesce(sum(pg_column_size(t.*)), 0) AS b FROM %I t', c.relname), false, true, '')))[1]::text::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname COLLATE "C";
SQL
}

# growth FROM TO: "disk_bytes rows row_bytes" added between two measurements, all tables together.
growth() {
  LC_ALL=C join "$BENCH_DIR/$1.sizes" "$BENCH_DIR/$2.sizes" | awk '{d += $5 - $2; r += $6 - $3; b += $7 - $4} END {print d, r, b}'
}

# tables_grown FROM TO: the tables that gained rows, as name+rows.
tables_grown() {
  LC_ALL=C join "$BENCH_DIR/$1.sizes" "$BENCH_DIR/$2.sizes" | awk '$6 > $3 {printf "%s%s+%d", sep, $1, $6 - $3; sep = ","} END {print ""}'
}

json_number() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p"; }
json_text() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

await_changes() {
  local expected="$1" _
  for _ in $(seq 1 300); do
    [[ "$(api "/api/v1/hosts/$host/changes?kind=CONFIG_FILE&limit=1" | json_number total)" -ge "$expected" ]] && return 0
    sleep 0.1
  done
  die "the collector did not list $expected observed changes within 30 s"
}

# edit FILE I: change I of the file: one to three lines get a different value, as an admin would.
edit() {
  local file="$1" i="$2" n j
  n="$(wc -l < "$file")"
  for j in $(seq 0 $((i % 3))); do
    sed -i "$(((i * 131 + j * 17) % n + 1))s/\$/ # rev $i/" "$file"
  done
}

$build && build_modules collector
log "database $db on 127.0.0.1:5432 (dropped and created)"
pg -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
on_exit "pg -c 'DROP DATABASE IF EXISTS $db' >/dev/null"
collector_install postgresql
collector_start DRIFTPROOF_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DRIFTPROOF_DB_USER=postgres
agent_enroll "$BENCH_DIR/agent"

watched="$BENCH_DIR/etc"
mkdir -p "$watched"
for f in "${config_files[@]}"; do
  if [[ -f "$f" ]]; then cp "$f" "$watched/"; fi
done
file_count="$(find "$watched" -type f | wc -l)"
agent_start "$BENCH_DIR/agent" "$watched" --full-scan-interval "PT${scan_interval_s}S"
host="$(wait_for_host)"
BENCH_API_TOKEN="$(api_token AUDITOR)"
[[ -n "$BENCH_API_TOKEN" ]] || die "could not create an API token"
until [[ "$(api "/api/v1/hosts/$host" | json_number itemCount)" == "$file_count" ]]; do sleep 0.2; done
sleep 2
measure enrolled

# (a) An unchanged host: full scans every 2 s find nothing; then new streams (agent restarts).
scans=$((scan_seconds / scan_interval_s))
log "(a) unchanged host: $scans full scans over $scan_seconds s"
last_seen="$(api "/api/v1/hosts/$host" | json_text lastSeen)"
sleep "$scan_seconds"
measure scanned
read -r disk rows bytes < <(growth enrolled scanned)
# Whether the collector heard from the idle agent at all (lastSeen is what AGENT_SILENT looks at).
[[ "$(api "/api/v1/hosts/$host" | json_text lastSeen)" == "$last_seen" ]] && heard=no || heard=yes
echo "storage figure=unchanged_scans scans=$scans disk_bytes=$disk rows=$rows row_bytes=$bytes" \
  "disk_bytes_per_day_at_24_scans=$((disk * 24 / scans)) last_seen_advanced=$heard tables=$(tables_grown enrolled scanned)"

log "(a) $restarts agent restarts (a new stream each)"
for _ in $(seq 1 "$restarts"); do
  kill "$AGENT_PID"; wait "$AGENT_PID" 2>/dev/null || true
  agent_start "$BENCH_DIR/agent" "$watched" --full-scan-interval "PT${scan_interval_s}S"
  sleep 6
done
measure restarted
read -r disk rows bytes < <(growth scanned restarted)
echo "storage figure=stream_starts streams=$restarts disk_bytes=$disk rows=$rows row_bytes=$bytes" \
  "tables=$(tables_grown scanned restarted)"

# (b) Changes to a real config file; every version is kept to price the diffs.
target="$watched/$(basename "${config_files[0]}")"
versions="$BENCH_DIR/versions"
mkdir -p "$versions"
cp "$target" "$versions/v0000"
log "(b) $changes changes to $target ($(wc -c < "$target") bytes)"
diff_gzip=0
listed="$(api "/api/v1/hosts/$host/changes?kind=CONFIG_FILE&limit=1" | json_number total)"
for i in $(seq 1 "$changes"); do
  edit "$target" "$i"
  cp "$target" "$versions/v$(printf %04d "$i")"
  diff_gzip=$((diff_gzip + $({ diff -u "$versions/v$(printf %04d $((i - 1)))" "$target" || true; } | gzip -9 | wc -c)))
  await_changes "$((listed + i))"
done
measure changed
read -r disk rows bytes < <(growth restarted changed)
echo "storage figure=per_change changes=$changes file_bytes=$(wc -c < "$target") disk_bytes_per_change=$((disk / changes))" \
  "row_bytes_per_change=$((bytes / changes)) diff_gzip_bytes_per_change=$((diff_gzip / changes))" \
  "ratio=$(awk -v a="$disk" -v b="$diff_gzip" 'BEGIN {printf "%.1f", a / b}') tables=$(tables_grown restarted changed)"
echo "storage figure=netwrix_comparison netwrix_bytes_per_event=1666667 disk_bytes_per_change=$((disk / changes))" \
  "factor=$(awk -v a="$disk" -v n="$changes" 'BEGIN {printf "%.0f", 1666667 / (a / n)}')"
echo "storage figure=delta_estimate $(java "$BENCH_ROOT/bench/storage/DeltaEstimate.java" "$versions")"
if [[ -n "${STORAGE_KEEP:-}" ]]; then
  cp "$BENCH_DIR"/*.sizes "$STORAGE_KEEP/"
  log "per-table sizes (name, disk bytes, rows, row bytes) copied to $STORAGE_KEEP"
fi
