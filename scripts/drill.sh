#!/usr/bin/env bash
# The long durability drills (issue 20), at their full counts; the test command runs the same tests
# at small counts. Each prints its figures; record a full run's in docs/reliability.md.
#   scripts/drill.sh power     10,000 power cuts through the crash-simulating VFS
#   scripts/drill.sh kill      1,000 rounds of kill -9 during registrations
#   scripts/drill.sh all       both
# Needs the dev build (cmake --preset dev && cmake --build --preset dev). HAVEN_POWER_CUTS and
# HAVEN_KILL_ROUNDS change the counts; HAVEN_POWER_SEED repeats a power run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/dev/tests
[[ -x "$build/haven_storage_tests" && -x "$build/haven_kill_test" ]] || { echo "build the dev preset first" >&2; exit 1; }

# Runs one gtest filter with the count in the environment; prints the figures line and how it ended.
drill() {  # $1: binary, $2: filter, $3: the figures' prefix
  local log t0 status=passed
  log=$(mktemp)
  t0=$(date +%s)
  "$build/$1" --gtest_filter="$2" >"$log" 2>&1 || status=FAILED
  grep -E "^$3|^lost:|Failure|seed|round" "$log" | head -n 20 || true
  echo "$status in $(( $(date +%s) - t0 )) s (machine: $(nproc) cores)"
  rm -f "$log"
  [[ "$status" == passed ]]
}
power() {
  export HAVEN_POWER_CUTS="${HAVEN_POWER_CUTS:-10000}"
  echo "== power: $HAVEN_POWER_CUTS cuts"
  drill haven_storage_tests 'PowerCut.*' "power cuts:"
}
kill_rounds() {
  export HAVEN_KILL_ROUNDS="${HAVEN_KILL_ROUNDS:-1000}"
  echo "== kill: $HAVEN_KILL_ROUNDS rounds of kill -9"
  drill haven_kill_test 'KillTest.*' "kill -9 rounds:"
}

case "${1:-all}" in
  power) power ;;
  kill) kill_rounds ;;
  all) power; kill_rounds ;;
  *) echo "usage: scripts/drill.sh [power|kill|all]" >&2; exit 2 ;;
esac
