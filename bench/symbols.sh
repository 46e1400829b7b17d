#!/usr/bin/env bash
# How the pipeline's cost grows with the number of symbols: `tickwire bench` at max rate for each symbol count in
# turn, then one table of events/s, p99 window end to bar, heap after GC and bars per second.
#
#   bench/symbols.sh [--symbols "8 100 1000 10000 50000"] [--duration 20s] [--warmup 10s] [--runs 1]
#
# With --runs N each count is run N times, the counts interleaved (8 100 ... 8 100 ...), and the table shows
# medians. Raw JSON of every run goes to bench/target/symbols-<time>/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
counts="8 100 1000 10000 50000"
duration=20s
warmup=10s
runs=1

fail() {
  echo "symbols.sh: $*" >&2
  exit 2
}

while (($#)); do
  case "$1" in
    --symbols) [[ $# -ge 2 ]] || fail "--symbols needs a value"; counts=$2; shift 2 ;;
    --duration) [[ $# -ge 2 ]] || fail "--duration needs a value"; duration=$2; shift 2 ;;
    --warmup) [[ $# -ge 2 ]] || fail "--warmup needs a value"; warmup=$2; shift 2 ;;
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || fail "--runs needs a whole number of at least 1"
      runs=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) fail "unknown option '$1' (try --help)" ;;
  esac
done
for k in $counts; do
  [[ "$k" =~ ^[1-9][0-9]*$ ]] || fail "--symbols must list whole numbers, got '$k'"
done

"$root/tickwire" --version > /dev/null # builds the jar first, outside every timed run
out="$root/bench/target/symbols-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
for ((i = 1; i <= runs; i++)); do
  for k in $counts; do
    echo "run $i, $k symbols ..." >&2
    "$root/tickwire" bench --symbols "$k" --duration "$duration" --warmup "$warmup" --json \
      --set "data_dir=$out/data-$k-$i" > "$out/$k-$i.json" 2> "$out/$k-$i.err" \
      || fail "bench with $k symbols failed: see $out/$k-$i.err"
    rm -rf "$out/data-$k-$i"
  done
done

python3 - "$out" "$runs" $counts <<'PY'
import json, statistics, sys
out, runs, counts = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print(f"{'symbols':>8} {'events/s':>12} {'p99 bar ms':>11} {'heap after GC MB':>17} {'bars/s':>9}")
for k in counts:
    rs = [json.load(open(f"{out}/{k}-{i}.json")) for i in range(1, runs + 1)]
    med = lambda key: statistics.median(r[key] for r in rs)
    bars = statistics.median(r["bars"] / r["measured_s"] for r in rs)
    print(f"{k:>8} {med('events_per_sec'):>12,.0f} {med('p99_bar_latency_ms'):>11.1f} "
          f"{med('heap_after_gc_mb'):>17.1f} {bars:>9,.0f}")
PY
echo "raw results: $out" >&2
