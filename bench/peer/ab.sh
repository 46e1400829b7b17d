#!/usr/bin/env bash
# Peer benchmark: tickwire and Apache Flink turn the same file of v1 JSON trades into the same 1s/10s/1m bars.
# Runs them alternately, A B A B ... (A = tickwire replay --local, B = the Flink job on a local MiniCluster), and
# measures each whole process: wall time and peak RSS. Prints every run, the medians, and Flink/tickwire ratios.
#
#   bench/peer/ab.sh [--trades 2000000] [--runs 3] [--file F] [--heap SIZE] [--check]
#
# --file      the input (default bench/peer/target/trades-N.jsonl); generated with `tickwire generate` when missing
#             (8 symbols, 5% out of order by up to 500 ms, seed 1). An existing file is used as it is.
# --heap      the same -Xmx for both JVMs (default: each JVM's own default heap)
# --check     before the timed runs, run each side once writing its bars, and compare them bar by bar
#
# Both sides are built first (Maven, profile flink for the Flink side), so no build lands in a timed run. Outputs of
# every run go to bench/peer/target/ab-<time>/. Peak RSS comes from /usr/bin/time -v when it is installed, else from
# polling VmHWM in /proc/PID/status every 0.1 s (the kernel's high-water mark, so a peak between polls still counts).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
trades=2000000
runs=3
file=""
heap=""
check=false

usage() { # the comment at the top of this file
  awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "${BASH_SOURCE[0]}"
}

fail() {
  echo "ab.sh: $*" >&2
  exit 2
}

positive() { # option value
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || fail "$1 must be a whole number of at least 1, got '$2'"
}

parse_args() {
  while (($#)); do
    case "$1" in
      --trades) [[ $# -ge 2 ]] || fail "--trades needs a value"; positive "$1" "$2"; trades=$2; shift 2 ;;
      --runs) [[ $# -ge 2 ]] || fail "--runs needs a value"; positive "$1" "$2"; runs=$2; shift 2 ;;
      --file) [[ $# -ge 2 ]] || fail "--file needs a value"; file=$2; shift 2 ;;
      --heap) [[ $# -ge 2 ]] || fail "--heap needs a value"
        [[ "$2" =~ ^[1-9][0-9]*[kKmMgG]$ ]] || fail "--heap must be a size such as 512m or 2g, got '$2'"
        heap=$2; shift 2 ;;
      --check) check=true; shift ;;
      -h|--help) usage; exit 0 ;;
      *) fail "unknown option '$1' (try --help)" ;;
    esac
  done
  [[ -n "$file" ]] || file="$root/bench/peer/target/trades-$trades.jsonl"
}

generate_if_missing() {
  if [[ -f "$file" ]]; then
    echo "input: $file (exists, $(wc -l < "$file") lines; --trades does not apply to it)"
    return
  fi
  mkdir -p "$(dirname "$file")"
  echo "input: generating $file ($trades trades) ..."
  "$root/tickwire" generate --trades "$trades" --symbols 8 --disorder 5% --max-delay 500ms --seed 1 --out "$file"
}

build_both() {
  echo "build: tickwire and the Flink job (only what is out of date) ..."
  "$root/tickwire" --version > /dev/null
  "$root/bench-flink/run.sh" --build-only
}

# The two commands under test, as commands (not functions) so /usr/bin/time can run them. env and each launcher
# exec in turn, so the process measured is the one JVM that does the work.
commands() {
  tickwire=(env "TICKWIRE_JAVA_OPTS=${heap:+-Xmx$heap}" "$root/tickwire" replay --local --file "$file" --rate max
    --summary json --set "data_dir=$out/tickwire-data")
  flink=(env "FLINK_JAVA_OPTS=${heap:+-Xmx$heap}" "$root/bench-flink/run.sh" --file "$file")
}

# measure NAME COMMAND...: runs it with stdout to $out/NAME.out and stderr to $out/NAME.err; sets wall_s, rss_mb.
measure() {
  local name=$1; shift
  local start end rc=0
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$out/$name.time" "$@" > "$out/$name.out" 2> "$out/$name.err" || rc=$?
    end=$(date +%s%N)
    rss_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/$name.time")
  else
    "$@" > "$out/$name.out" 2> "$out/$name.err" &
    local pid=$! peak_kb=0 kb
    while kill -0 "$pid" 2> /dev/null; do
      kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
      [[ -n "$kb" && "$kb" -gt "$peak_kb" ]] && peak_kb=$kb
      sleep 0.1
    done
    wait "$pid" || rc=$?
    end=$(date +%s%N)
    rss_mb=$((peak_kb / 1024))
  fi
  wall_s=$(awk -v ns=$((end - start)) 'BEGIN {printf "%.2f", ns / 1e9}')
  if ((rc != 0)); then
    echo "ab.sh: $name exited $rc; its stderr ends:" >&2
    tail -n 20 "$out/$name.err" >&2
    exit 1
  fi
}

json_number() { # key file: the first "key":N in the file
  grep -o "\"$1\":[0-9]*" "$2" | head -n 1 | cut -d: -f2
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

ratio() {
  awk -v b="$2" -v a="$1" 'BEGIN {if (a > 0) printf "%.2f", b / a; else print "n/a"}'
}

check_bars() {
  echo "check: both sides once, writing their bars ..."
  measure check-tickwire "${tickwire[@]}" --bars "$out/tickwire-bars.jsonl"
  measure check-flink "${flink[@]}" --bars "$out/flink-bars.jsonl"
  local cp
  cp="$root/bench-flink/target/tickwire-bench-flink-0.1.0-SNAPSHOT.jar:$(cat "$root/bench-flink/target/runtime-classpath.txt")"
  java -cp "$cp" io.tickwire.bench.flink.CompareBars "$out/tickwire-bars.jsonl" "$out/flink-bars.jsonl" \
    | tee "$out/compare.txt" || echo "check: the bars differ (see $out/compare.txt)"
}

main() {
  parse_args "$@"
  out="$root/bench/peer/target/ab-$(date +%Y%m%dT%H%M%S)"
  mkdir -p "$out"
  generate_if_missing
  build_both
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); peak RSS from $(
    [[ -x /usr/bin/time ]] && echo '/usr/bin/time -v' || echo 'polling /proc/PID/status VmHWM')"
  echo "heap: ${heap:-JVM default} for both; outputs in $out"
  commands
  if $check; then
    check_bars
  fi

  local -a tw_wall tw_rss fl_wall fl_rss
  printf '%-4s %-9s %9s %13s %10s %8s %11s\n' run side wall_s peak_rss_mb events bars events/s
  for ((i = 1; i <= runs; i++)); do
    measure "tickwire-$i" "${tickwire[@]}"
    tw_wall+=("$wall_s"); tw_rss+=("$rss_mb")
    report "$i" tickwire "$(json_number processed "$out/tickwire-$i.out")" "$(json_number bars "$out/tickwire-$i.out")"
    measure "flink-$i" "${flink[@]}"
    fl_wall+=("$wall_s"); fl_rss+=("$rss_mb")
    report "$i" flink "$(json_number events "$out/flink-$i.out")" "$(json_number bars "$out/flink-$i.out")"
  done

  local tw fl twr flr
  tw=$(median "${tw_wall[@]}"); fl=$(median "${fl_wall[@]}")
  twr=$(median "${tw_rss[@]}"); flr=$(median "${fl_rss[@]}")
  echo "median tickwire: wall $tw s, peak RSS $twr MB"
  echo "median flink:    wall $fl s, peak RSS $flr MB"
  echo "flink/tickwire:  wall $(ratio "$tw" "$fl")x, peak RSS $(ratio "$twr" "$flr")x"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

report() { # run side events bars
  printf '%-4s %-9s %9s %13s %10s %8s %11s\n' "$1" "$2" "$wall_s" "$rss_mb" "$3" "$4" \
    "$(awk -v n="$3" -v s="$wall_s" 'BEGIN {if (s > 0) printf "%.0f", n / s}')"
}

main "$@"
