#!/usr/bin/env bash
# Benchmark: does a sign-in flood slow everyone else? The signed-in case list (GET /api/v1/cases,
# 16 connections each asking every 50 ms, about 300 a second: a busy centre's staff at work) measured
# quiet, then while 48 connections flood sign-in with wrong passwords, each
# attempt from an address of its own (every one under its limits, so every one is hashed). Passwords
# hash on a pool of their own with a bounded queue (security/password_hasher.hpp): the target is the
# case list's p99 under the flood at most 2x its quiet p99.
#   bench/sign-in-flood.sh [seconds]     (default 20; needs the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
source bench/lib.sh
start_haven --trusted-proxies 127.0.0.1
for _ in 1 2 3; do register_case >/dev/null; done

list() {
  HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="/api/v1/cases" HAVEN_PAUSE_MS=50 \
    wrk -t1 -c16 -d"${seconds}s" --latency -s bench/get_case.lua "$base" | tail -n 3
}
machine
echo "== case list, quiet"
list
echo "== case list, under the sign-in flood"
wrk -t1 -c48 -d"$((seconds + 4))s" -s bench/sign_in_flood.lua "$base" | tail -n 1 > "$data.flood" &
flood=$!
sleep 2
list
wait "$flood"
cat "$data.flood"
rm -f "$data.flood"
