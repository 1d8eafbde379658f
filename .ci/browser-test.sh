#!/usr/bin/env bash
# Browser test of the HTML report. For each scenario (default: a bundled one), renders
# `meshsim run --format html`, opens it in headless Chromium and fails when:
#   * the page logs anything to the console (script errors, failed loads, console.* calls),
#   * the page refers to anything outside itself (src/href/url() other than data: or #fragments),
#   * the topology SVG did not lay out (the report's script records its drawn size), or
#   * the step-through did not run (no current node; stepping to a hop lights no edge).
# Installs Chromium from Debian's packages when missing (as root). Works locally and in CI.
#
#   .ci/browser-test.sh [scenario.json ...]
#   MESHSIM=path/to/meshsim  BROWSER_TEST_DIR=.build/browser-test
#   SCREENSHOT=docs/html-report.png [SCREENSHOT_STEP=N]   (a picture of the first scenario's report)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

fail() { echo "browser-test: FAIL: $*" >&2; exit 1; }

meshsim="${MESHSIM:-}"
if [ -z "$meshsim" ]; then
  # The newest of the release and debug builds.
  for candidate in .build/release/meshsim .build/debug/meshsim; do
    if [ -x "$candidate" ] && { [ -z "$meshsim" ] || [ "$candidate" -nt "$meshsim" ]; }; then meshsim="$candidate"; fi
  done
fi
if [ -z "$meshsim" ]; then
  swift build --product meshsim
  meshsim=.build/debug/meshsim
fi

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "browser-test: installing chromium from Debian's packages"
    apt-get update && apt-get install -y chromium
  else
    fail "chromium is not installed (Debian: apt-get install -y chromium)"
  fi
fi

out="${BROWSER_TEST_DIR:-.build/browser-test}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# Runs headless Chromium on a URL; DOM to $1.dom, log to $1.log; fails on any console message.
open_page() {
  local stem="$1" url="$2"
  shift 2
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 --window-size=1280,1500 "$@" --dump-dom "$url" >"$stem.dom" 2>"$stem.log" ||
    fail "chromium could not open $url (see $stem.log)"
  if grep -F ':CONSOLE' "$stem.log" >&2; then
    fail "the page logged to the console: $url"
  fi
}

if [ "$#" -eq 0 ]; then
  set -- Scenarios/cloudmap/backend-scaling.json Scenarios/appmesh/colorteller-ingress.json Scenarios/lattice/reachability.json
fi
for scenario in "$@"; do
  name="$(basename "$scenario" .json)"
  html="$out/$name.html"
  status=0
  "$meshsim" run "$scenario" --format html --trace 3 --output "$html" || status=$?
  [ "$status" -le 1 ] || fail "meshsim run $scenario exited $status"
  [ -s "$html" ] || fail "no report written for $scenario"

  # Self-contained: every reference is a data: URL or a fragment.
  if grep -Eo '(src|href|xlink:href)="[^"]*"|url\([^)]*\)|@import' "$html" | grep -Ev '="(#|data:)|url\(#' >&2; then
    fail "$html refers to an outside resource"
  fi

  # The first request hop of the first traced request, counting steps from 1.
  hop="$(awk '/^<ol class="frames"/ { inside = 1; n = 0; next }
              inside && /^<li / { n++; if ($0 ~ /data-move="request"/) { print n; exit } }
              /^<\/ol>/ { inside = 0 }' "$html")"
  url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

  open_page "$out/$name" "$url"
  dom="$out/$name.dom"
  size="$(grep -Eo 'data-rendered="[0-9]+x[0-9]+"' "$dom" | head -1 | grep -Eo '[0-9]+x[0-9]+' || true)"
  [ -n "$size" ] || fail "$name: the topology SVG has no drawn size (did the script run?)"
  [ "${size%x*}" -gt 0 ] && [ "${size#*x}" -gt 0 ] || fail "$name: the topology SVG drew nothing ($size)"
  nodes="$(grep -Eo 'class="node kind-[A-Za-z]+' "$dom" | wc -l)"
  [ "$nodes" -gt 0 ] || fail "$name: the topology has no nodes"
  grep -Eq 'class="node kind-[A-Za-z]+ current"' "$dom" || fail "$name: the step-through marked no current node"
  grep -Eq 'class="step-counter">step 1 of [0-9]+<' "$dom" || fail "$name: the step counter was not set"

  if [ -n "$hop" ]; then
    open_page "$out/$name-step" "$url#request=1&step=$hop"
    grep -Eq 'class="edge[^"]* active"' "$out/$name-step.dom" || fail "$name: stepping to hop $hop lit no edge"
    grep -Eq "class=\"step-counter\">step $hop of" "$out/$name-step.dom" || fail "$name: #step=$hop was not opened"
  fi
  echo "browser-test: ok $scenario (topology $size px, $nodes nodes${hop:+, hop at step $hop})"
  if [ -z "${shot_url:-}" ]; then shot_url="$url#request=1&step=${SCREENSHOT_STEP:-${hop:-1}}"; fi
done

# The comparison page: one topology and step-through per wiring, all drawn, no console output.
application="${COMPARE_APPLICATION:-Scenarios/compare/shop.json}"
if [ -f "$application" ]; then
  html="$out/compare.html"
  status=0
  "$meshsim" compare "$application" --format html --output "$html" 2>"$out/compare.stderr" || status=$?
  [ "$status" -eq 0 ] || fail "meshsim compare $application exited $status (see $out/compare.stderr)"
  open_page "$out/compare" "file://$(cd "$out" && pwd)/compare.html"
  diagrams="$(grep -Eo '<svg class="topology"' "$out/compare.dom" | wc -l)"
  drawn="$(grep -Eo '<svg class="topology"[^>]*data-rendered="[1-9][0-9]*x[1-9][0-9]*"' "$out/compare.dom" | wc -l)"
  [ "$diagrams" -gt 0 ] && [ "$diagrams" -eq "$drawn" ] || fail "compare: $drawn of $diagrams topology diagrams drawn"
  currents="$(grep -Eo 'class="node kind-[A-Za-z]+ current"' "$out/compare.dom" | wc -l)"
  [ "$currents" -eq "$diagrams" ] || fail "compare: $currents of $diagrams step-throughs marked a current node"
  echo "browser-test: ok $application (compare page, $diagrams diagrams)"
fi

if [ -n "${SCREENSHOT:-}" ]; then
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1200,1000 --screenshot="$SCREENSHOT" "$shot_url" \
    >/dev/null 2>&1 || fail "could not take the screenshot"
  echo "browser-test: screenshot $SCREENSHOT ($(wc -c <"$SCREENSHOT") bytes)"
fi
