#!/usr/bin/env bash
# Agent scan against AIDE on the same tree, measured in one run: the agent's first snapshot vs
# `aide --init` (SHA-256 only), its steady-state rescan vs `aide --check`, and the floor
# `find | xargs openssl dgst -sha256`. Whole processes (JVM start-up included), page cache warm;
# wall, CPU (user+sys, children included) and peak RSS from GNU time.
#   bench/scan/run.sh [--tree DIR]... [--runs N] [--no-build]   (default: /usr/share and /usr, 5 runs)
set -euo pipefail
BENCH_HTTP_PORT=38080
BENCH_HTTPS_PORT=38443
source "$(dirname "$0")/../lib/collector.sh"

trees=() runs=5 build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tree) trees+=("$2"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) die "unknown option $1 (--tree DIR, --runs N, --no-build)" ;;
  esac
done
[[ ${#trees[@]} -gt 0 ]] || trees=(/usr/share /usr)

ensure_package() {
  command -v "$1" >/dev/null && return 0
  log "installing $2 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >&2 || die "$1 is missing and could not be installed (apt-get install -y $2)"
}
ensure_package aide aide
ensure_package openssl openssl
ensure_package /usr/bin/time time
$build && build_modules agent
mapfile -t jvm < <(agent_jvm_flags)

# timed FIGURE COMMAND...: one run under GNU time, appended to BENCH_DIR/FIGURE as "wall cpu rss_mib".
timed() {
  local figure="$1" out="$BENCH_DIR/time.out"
  shift
  # aide --check exits 1-7 when it finds differences; the runs are checked by the figures instead.
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" > /dev/null 2> "$BENCH_DIR/stderr" || [[ "$figure" == aide_check ]] \
    || { cat "$BENCH_DIR/stderr" >&2; die "$figure failed: $*"; }
  tail -n 1 "$out" | awk '{printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024}' >> "$BENCH_DIR/$figure"
}

column() { awk -v c="$1" '{print $c}' "$BENCH_DIR/$2" | stats; }

for tree in "${trees[@]}"; do
  [[ -d "$tree" ]] || die "no such directory: $tree"
  rm -f "$BENCH_DIR"/{floor,aide_init,aide_check,agent_first,agent_rescan}
  files=$(find "$tree" -xdev -type f | wc -l)
  mib=$(( $(du -sbx "$tree" | cut -f1) / 1048576 ))
  log "$tree: $files files, $mib MiB; warming the page cache"
  find "$tree" -xdev -type f -print0 | xargs -0 cat > /dev/null 2>&1 || true
  printf 'database_in=file:%s\ndatabase_out=file:%s\ngzip_dbout=no\nreport_url=stdout\nChecks = p+i+n+u+g+s+m+c+sha256\n%s Checks\n' \
    "$BENCH_DIR/aide.db" "$BENCH_DIR/aide.db.new" "$tree" > "$BENCH_DIR/aide.conf"
  agent=(java "${jvm[@]}" -jar "$AGENT_JAR" snapshot --spool --config "$BENCH_DIR/agent.conf" --path "$tree/**"
         --collectors config_files --state-dir "$BENCH_DIR/state" --spool-limit 68719476736)
  for run in $(seq 1 "$runs"); do
    log "$tree: run $run of $runs"
    timed floor sh -c "find '$tree' -xdev -type f -print0 | xargs -0 openssl dgst -sha256"
    rm -f "$BENCH_DIR"/aide.db*
    timed aide_init aide --init -c "$BENCH_DIR/aide.conf"
    mv "$BENCH_DIR/aide.db.new" "$BENCH_DIR/aide.db"
    timed aide_check aide --check -c "$BENCH_DIR/aide.conf"
    rm -rf "$BENCH_DIR/state"
    LANG=C.UTF-8 timed agent_first "${agent[@]}"
    LANG=C.UTF-8 timed agent_rescan "${agent[@]}"
  done
  spool_mib=$(( $(du -sb "$BENCH_DIR/state/spool" | cut -f1) / 1048576 ))
  for figure in floor aide_init aide_check agent_first agent_rescan; do
    read -r wall wall_min wall_max < <(column 1 "$figure")
    read -r cpu _ _ < <(column 2 "$figure")
    read -r rss _ rss_max < <(column 3 "$figure")
    echo "scan tree=$tree files=$files mib=$mib figure=$figure runs=$runs wall_s=$wall wall_min_s=$wall_min" \
      "wall_max_s=$wall_max cpu_s=$cpu rss_mib=$rss rss_max_mib=$rss_max"
  done
  ratio() { awk -v a="$(column 1 "$1" | cut -d' ' -f1)" -v b="$(column 1 "$2" | cut -d' ' -f1)" 'BEGIN {printf "%.2f", a / b}'; }
  echo "scan tree=$tree ratio aide_init/agent_first=$(ratio aide_init agent_first)" \
    "agent_first/floor=$(ratio agent_first floor) aide_check/agent_rescan=$(ratio aide_check agent_rescan)" \
    "agent_spool_mib=$spool_mib"
done
