#!/usr/bin/env bash
# Compares MeshSim with the physical limit (a tight C event loop) and a peer (SimPy) on the
# ColorTeller load workload (../shared/perf/README.md), side by side in one run.
#
#   Benchmarks/compare.sh [N ...]          default N = 10000 100000 1000000
#
# Environment:
#   ROUNDS=3        rounds; every round runs C, MeshSim and SimPy at every N, in alternation,
#                   and the table shows each program's median over the rounds
#   SCENARIO=path   the MeshSim scenario (default Scenarios/bench/colorteller-load.json)
#   PERF_DIR=path   where c_colorteller.c and simpy_colorteller.py live (default ../shared/perf)
#   SKIP_SIMPY=1    leave SimPy out (it takes about 20 s per run at N = 10^6)
#
# Wall time (bash's EPOCHREALTIME around the process) and peak memory (maximum resident set
# size, from /usr/bin/time) are measured the same way for all three programs, so they include
# process start-up (and for MeshSim, reading the scenario). The
# machine may be shared and noisy: compare the ratios within one run, not absolute times.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=${ROUNDS:-3}
SCENARIO=${SCENARIO:-Scenarios/bench/colorteller-load.json}
PERF_DIR=${PERF_DIR:-$ROOT/../shared/perf}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "compare.sh needs /usr/bin/time (GNU time)" >&2; exit 1; }
[ -f "$SCENARIO" ] || { echo "no scenario $SCENARIO" >&2; exit 1; }
[ -f "$PERF_DIR/c_colorteller.c" ] || { echo "no $PERF_DIR/c_colorteller.c (set PERF_DIR)" >&2; exit 1; }

echo "== building"
swift build -c release --product meshsim 2>&1 | tail -1
MESHSIM=$(swift build -c release --show-bin-path)/meshsim
gcc -O2 -o "$WORK/c_colorteller" "$PERF_DIR/c_colorteller.c" -lm
if [ "${SKIP_SIMPY:-0}" != 1 ] && ! python3 -c 'import simpy' 2>/dev/null; then
  echo "== installing simpy"
  python3 -m pip install --quiet simpy
fi
"$MESHSIM" check "$SCENARIO" >/dev/null
# `--requests` sets every stream's count: split N over the scenario's streams (the ColorTeller
# scenario sends /color1 and /color2 as two Poisson streams of 500/s).
STREAMS=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["traffic"]))' "$SCENARIO")

# measure NAME N COMMAND...: runs the command under /usr/bin/time, appends "name n wall kb".
measure() {
  local name=$1 n=$2
  shift 2
  local start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || {
    echo "$name failed at N=$n:" >&2
    cat "$WORK/err" >&2
    exit 1
  }
  local end=$EPOCHREALTIME
  echo "$name $n $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }') $(tail -1 "$WORK/time")" >>"$WORK/results"
  if [ "$name" = meshsim ] && [ ! -s "$WORK/meshsim-$n" ]; then cp "$WORK/out" "$WORK/meshsim-$n"; fi
}

echo "== $ROUNDS rounds × N = ${SIZES[*]} (C, MeshSim, SimPy in alternation); scenario $SCENARIO ($STREAMS streams)"
for round in $(seq 1 "$ROUNDS"); do
  for n in "${SIZES[@]}"; do
    measure c "$n" "$WORK/c_colorteller" "$n"
    measure meshsim "$n" "$MESHSIM" run "$SCENARIO" --requests $((n / STREAMS))
    [ "${SKIP_SIMPY:-0}" = 1 ] || measure simpy "$n" python3 "$PERF_DIR/simpy_colorteller.py" "$n"
  done
  echo "   round $round done"
done

echo
for n in "${SIZES[@]}"; do
  events=$(head -1 "$WORK/meshsim-$n" | sed -E 's/.* ([0-9]+) events .*/\1/')
  echo "MeshSim at N=$n: $(awk -v e="$events" -v n="$n" 'BEGIN { printf "%.2f", e / n }') events per request; $(grep -m1 'latency ms' "$WORK/meshsim-$n" | sed 's/^ *//')"
done
echo
awk -v sizes="${SIZES[*]}" '
  function median(list,   parts, count, i, j, t) {
    count = split(list, parts, " ")
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (parts[j] + 0 < parts[i] + 0) { t = parts[i]; parts[i] = parts[j]; parts[j] = t }
    return count % 2 ? parts[(count + 1) / 2] : (parts[count / 2] + parts[count / 2 + 1]) / 2
  }
  { wall[$1, $2] = wall[$1, $2] " " $3; rss[$1, $2] = rss[$1, $2] " " $4; seen[$1] = 1 }
  END {
    printf "%-9s %-8s %10s %14s %12s\n", "N", "program", "wall s", "requests/s", "peak MB"
    count = split(sizes, n, " ")
    for (i = 1; i <= count; i++) {
      for (p = 1; p <= 3; p++) {
        name = p == 1 ? "c" : p == 2 ? "meshsim" : "simpy"
        if (!seen[name]) continue
        w[name] = median(wall[name, n[i]]); m = median(rss[name, n[i]])
        printf "%-9s %-8s %10.3f %14.0f %12.1f\n", n[i], name, w[name], n[i] / (w[name] > 0 ? w[name] : 0.001), m / 1024
      }
      line = sprintf("%-9s ratios:  MeshSim/C %.2f×", n[i], w["meshsim"] / (w["c"] > 0 ? w["c"] : 0.001))
      if (seen["simpy"]) line = line sprintf("   SimPy/MeshSim %.1f×", w["simpy"] / w["meshsim"])
      print line
    }
  }' "$WORK/results"
