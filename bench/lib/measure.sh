# Shared helpers of the bench/ scripts: building, whole-process measurement, medians and ratios.
# Sourced, not run. Results go to $BENCH_RESULTS (one file per subject and figure).

die() { echo "bench: $*" >&2; exit 1; }
progress() { echo "bench: $*" >&2; }

# need_command COMMAND DEBIAN_PACKAGE: installs the package when the command is missing.
need_command() {
  command -v "$1" >/dev/null && return
  progress "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || die "cannot install $2 (apt-get install -y $2)"
}

need_gnu_time() {
  [[ -x /usr/bin/time ]] || need_command /usr/bin/time time
}

# The agent jar, built once per script run.
build_agent() {
  progress "building the agent"
  mvn -B -q -ntp -pl agent -am package -Dmaven.test.skip=true >&2 || die "the agent does not build"
  echo "$PWD/agent/target/driftproof-agent.jar"
}

# The JVM flags of the shipped systemd unit, so that the benchmark runs the agent as installed.
agent_jvm_flags() {
  sed -n '/^ExecStart=/,/-jar/p' deploy/systemd/driftproof-agent.service \
    | tr -d '\\' | tr -s ' \n' ' ' | sed -e 's/^ExecStart=[^ ]*java //' -e 's/ -jar.*//'
}

BENCH_RESULTS="${BENCH_RESULTS:-$(mktemp -d /tmp/driftproof-bench-results.XXXXXX)}"

# measure SUBJECT FIGURE COMMAND...: runs the command once under GNU time and records
# wall seconds, CPU seconds (user+sys) and peak RSS in MiB. Output of the command is discarded.
measure() {
  local subject="$1" figure="$2"; shift 2
  local out="$BENCH_RESULTS/$(echo "$subject" | tr '/' '_')-$figure"
  local stats
  stats="$(mktemp)"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >/dev/null 2>"$stats.err"; then
    # aide --check exits non-zero when it finds differences; anything else is a failure.
    [[ "$figure" == aide_check ]] || { cat "$stats.err" >&2; die "$figure failed: $*"; }
  fi
  tail -1 "$stats" | awk '{printf "%s %.2f %.1f\n", $1, $2 + $3, $4 / 1024}' >>"$out"
  rm -f "$stats" "$stats.err"
}

# median/min/max of column COL (1 wall, 2 cpu, 3 rss) of a results file, as "median (min-max)".
summary() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%g(%g-%g)", m, v[1], v[NR]}'
}

median() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {
    printf "%g", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# report SUBJECT FIGURE...: one line per figure.
report() {
  local subject="$1"; shift
  local key
  key="$(echo "$subject" | tr '/' '_')"
  for figure in "$@"; do
    local f="$BENCH_RESULTS/$key-$figure"
    echo "scan tree=$subject tool=$figure runs=$(wc -l <"$f") wall_s=$(summary "$f" 1) cpu_s=$(summary "$f" 2) rss_mib=$(summary "$f" 3)"
  done
}

# ratio SUBJECT A B: median wall time of A divided by that of B.
ratio() {
  local key
  key="$(echo "$1" | tr '/' '_')"
  local a b
  a="$(median "$BENCH_RESULTS/$key-$2" 1)"
  b="$(median "$BENCH_RESULTS/$key-$3" 1)"
  echo "scan tree=$1 ratio=$2/$3 value=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
}
