#!/usr/bin/env bash
# Cost per request against topology size: generates topologies with `meshsim generate` (S
# services × 10 tasks, 5 path rules per service, one traffic stream per service) and measures,
# for each, the time to load and build the scenario (a run with no requests) and the time per
# request of a run of N requests spread over all the services.
#
#   Benchmarks/scale.sh [S ...]          default S = 10 30 100 300 1000
#
# Environment: OPTIONS="cloud-map service-connect elb lattice mixed" (`meshsim generate --option`),
# REQUESTS=100000, ROUNDS=3 (median of rounds), TASKS=10.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10 30 100 300 1000)
OPTIONS=${OPTIONS:-"cloud-map service-connect elb lattice mixed"}
REQUESTS=${REQUESTS:-100000}
ROUNDS=${ROUNDS:-3}
TASKS=${TASKS:-10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product meshsim 2>&1 | tail -1
MESHSIM=$(swift build -c release --show-bin-path)/meshsim

# seconds COMMAND...: wall time of the command (exit status 1, failed expectations, is fine).
seconds() {
  local start=$EPOCHREALTIME status=0
  /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/err" || status=$?
  local end=$EPOCHREALTIME
  if [ "$status" -gt 1 ]; then cat "$WORK/err" >&2; exit 1; fi
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }'
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf "%-16s %9s %7s %7s %9s %10s %12s %9s\n" option services tasks rules "file MB" "load+build s" "µs/request" "peak MB"
for option in $OPTIONS; do
  for s in "${SIZES[@]}"; do
    file="$WORK/$option-$s.json"
    "$MESHSIM" generate --option "$option" --services "$s" --tasks-per-service "$TASKS" --routes $((5 * s)) \
      --requests "$REQUESTS" --output "$file"
    empty="" full=""
    for _ in $(seq 1 "$ROUNDS"); do
      empty="$empty $(seconds "$MESHSIM" run "$file" --requests 0 --format json --output /dev/null)"
      full="$full $(seconds "$MESHSIM" run "$file" --format json --output /dev/null)"
    done
    rss=$(tail -1 "$WORK/rss")
    build=$(echo "$empty" | median)
    run=$(echo "$full" | median)
    size=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
    awk -v o="$option" -v s="$s" -v t="$((s * TASKS))" -v r="$((5 * s))" -v f="$size" -v b="$build" -v u="$run" \
      -v n="$REQUESTS" -v m="$rss" \
      'BEGIN { printf "%-16s %9d %7d %7d %9s %10.3f %12.2f %9.1f\n", o, s, t, r, f, b, (u - b) / n * 1e6, m / 1024 }'
  done
done
