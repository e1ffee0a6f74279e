# Shared by every benchmark script (source it): a temporary folder, cleanup of what the script
# started when it exits, builds, JMH runs and whole-process timings in one result format.
# Sets BENCH_ROOT (the repository) and BENCH_DIR (removed on exit).

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$(mktemp -d "${TMPDIR:-/tmp}/driftproof-bench.XXXXXX")"
BENCH_PIDS=()
BENCH_ON_EXIT=()

log() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }

bench_cleanup() {
  local pid hook
  for pid in "${BENCH_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${BENCH_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  for hook in "${BENCH_ON_EXIT[@]}"; do
    eval "$hook" || true
  done
  rm -rf "$BENCH_DIR"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# on_exit COMMAND: run after the started processes have stopped (e.g. drop their database).
on_exit() { BENCH_ON_EXIT+=("$1"); }

# build_modules MODULES: package the modules (and what they need) without tests.
build_modules() {
  log "building $1 ..."
  (cd "$BENCH_ROOT" && mvn -B -q -ntp -pl "$1" -am package -DskipTests)
}

# jmh_prepare MODULE: compiles the module's test classes (the JMH processor generates the
# harness) and writes its test classpath; sets JMH_CLASSPATH.
jmh_prepare() {
  log "compiling $1 test classes ..."
  (cd "$BENCH_ROOT" && mvn -B -q -ntp -pl "$1" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath)
  JMH_CLASSPATH="$BENCH_ROOT/$1/target/test-classes:$BENCH_ROOT/$1/target/classes:$(cat "$BENCH_ROOT/$1/target/jmh.classpath")"
}

# jmh_iterations RUNS BENCHMARK [JMH options]: one fork, 3 warm-up and RUNS measured iterations of
# 1 s each; prints each iteration's score (ms/op), one a line. The JMH output goes to the log.
jmh_iterations() {
  local runs="$1" benchmark="$2" out="$BENCH_DIR/jmh-$RANDOM.log"
  shift 2
  LC_ALL=C java -cp "$JMH_CLASSPATH" org.openjdk.jmh.Main "$benchmark" -f 1 -wi 3 -w 1s -i "$runs" -r 1s "$@" > "$out" 2>&1 \
    || { tail -n 30 "$out" >&2; die "JMH $benchmark failed"; }
  grep -E '^Iteration +[0-9]+:' "$out" | awk '{print $3}'
}

# process_stats RUNS COMMAND...: "median min max" wall time in ms of RUNS runs of a whole process
# (hyperfine; output discarded, exit status ignored: diff exits 1 when the files differ).
process_stats() {
  local runs="$1" csv="$BENCH_DIR/hyperfine.csv"
  shift
  ensure_hyperfine
  hyperfine -N -i --style none --warmup 5 --runs "$runs" --export-csv "$csv" "$(printf '%q ' "$@")" >/dev/null
  # command,mean,stddev,median,user,system,min,max in seconds; counted from the end (the command may hold commas).
  tail -n 1 "$csv" | awk -F, '{printf "%.3f %.3f %.3f\n", $(NF - 4) * 1000, $(NF - 1) * 1000, $NF * 1000}'
}

ensure_hyperfine() {
  command -v hyperfine >/dev/null && return 0
  log "installing hyperfine ..."
  apt-get install -y -q hyperfine >&2 || { apt-get update -q >&2 && apt-get install -y -q hyperfine >&2; } \
    || die "hyperfine is missing and could not be installed (apt-get install -y hyperfine)"
}

# stats: "median min max" of the numbers on stdin.
stats() {
  sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f %.3f\n", m, v[1], v[NR]}'
}
