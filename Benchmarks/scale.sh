#!/usr/bin/env bash
# Cost per request against topology size: generates topologies with `meshsim generate` (S
# services × 10 tasks, 5 path rules per service, STREAMS traffic streams to services spread
# evenly over the topology) and measures, for each, with `meshsim bench` (stage times inside the
# process, median of rounds): the time to decode, build and wire the scenario, and the
# simulation's time per request.
#
#   Benchmarks/scale.sh [S ...]          default S = 10 30 100 300 1000
#
# Environment: OPTIONS="cloud-map service-connect elb lattice mixed" (`meshsim generate --option`),
# REQUESTS=100000, ROUNDS=3 (median of rounds), TASKS=10, STREAMS=100 (fixed, so that only the
# topology grows; STREAMS=0 gives one stream per service).
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10 30 100 300 1000)
OPTIONS=${OPTIONS:-"cloud-map service-connect elb lattice mixed"}
REQUESTS=${REQUESTS:-100000}
ROUNDS=${ROUNDS:-3}
TASKS=${TASKS:-10}
STREAMS=${STREAMS:-100}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product meshsim 2>&1 | tail -1
MESHSIM=$(swift build -c release --show-bin-path)/meshsim

printf "%-16s %9s %7s %7s %8s %13s %9s %12s %9s\n" option services tasks rules "file MB" "load+build s" "events/req" "µs/request" "peak MB"
for option in $OPTIONS; do
  for s in "${SIZES[@]}"; do
    file="$WORK/$option-$s.json"
    "$MESHSIM" generate --option "$option" --services "$s" --tasks-per-service "$TASKS" --routes $((5 * s)) \
      $([ "$STREAMS" != 0 ] && echo --streams "$STREAMS") --requests "$REQUESTS" --output "$file"
    # `meshsim bench` times the stages inside one process (median of ROUNDS rounds): no process
    # start-up in the figures, and the cost per request is the simulation's time alone.
    "$MESHSIM" bench "$file" --rounds "$ROUNDS" --format tsv | tail -1 >"$WORK/figures"
    size=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    awk -v o="$option" -v s="$s" -v t="$((s * TASKS))" -v r="$((5 * s))" -v f="$size" -F '\t' \
      '{ printf "%-16s %9d %7d %7d %8s %13.3f %9.2f %12.3f %9.1f\n", o, s, t, r, f, $4 + $5, $2 / $1, $8, $9 }' "$WORK/figures"
  done
done
