#!/usr/bin/env bash
# Benchmark: authenticated, case-level checked (I.3.c) and audited GET of one case on SQLite, 64
# connections, with wrk. HAVEN_BINARY names another haven binary (default: the release build);
# HAVEN_BENCH_PATH another path to GET with the same session (e.g. /api/v1/version, for the ceiling).
#   bench/case-read.sh [seconds]     (default 20; needs the release build: scripts/run.sh builds it)
# Prints requests per second, p50/p99 latency, and the server's resident memory idle and after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
source bench/lib.sh
start_haven
case_id=$(register_case)

machine
echo "resident memory idle: $(rss)"
HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="${HAVEN_BENCH_PATH:-/api/v1/cases/$case_id}" \
  wrk -t2 -c64 -d"${seconds}s" --latency -s bench/get_case.lua "$base" | tail -n 4
echo "resident memory after the run: $(rss)"
sleep 2
echo "resident memory idle again: $(rss)"
