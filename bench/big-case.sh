#!/usr/bin/env bash
# Benchmark: does one big case stall the others? A case filled to the cap (4 MiB of records by
# default, --max-case-size) is read over and over by one connection while 8 others read a small case,
# each every 20 ms (about 400 a second, people at work); the small case's p99 is measured quiet and
# then beside the big one. A case past 256 KiB of records is read on
# a worker thread (Api::is_quick), never on the I/O thread that also serves the others.
#   bench/big-case.sh [seconds]     (default 20; needs the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
source bench/lib.sh
start_haven
small=$(register_case)
big=$(register_case)
findings=$(printf 'x%.0s' $(seq 1 9000))
added=0
for i in $(seq 1 600); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "{\"type\":\"health_check\",\"occurred_at\":\"2026-02-01T00:00:00Z\",\"body\":{\"by_medical_staff\":true,\"findings\":\"$findings\"}}" \
    "$base/api/v1/cases/$big/records")
  [[ "$status" == 201 ]] || break
  added=$((added + 1))
done
echo "big case: $added records of 9 KB, then $status (the cap)"
records_bytes=$(curl -s -H "Cookie: $cookie" "$base/api/v1/cases/$big/records?limit=500" | wc -c)
echo "its first page of records: $records_bytes bytes"

read_small() {
  HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="/api/v1/cases/$small" HAVEN_PAUSE_MS=20 \
    wrk -t1 -c8 -d"${seconds}s" --latency -s bench/get_case.lua "$base" | tail -n 3
}
machine
echo "== small case, quiet"
read_small
echo "== small case, beside a connection reading the big case's records"
HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="/api/v1/cases/$big/records?limit=500" \
  wrk -t1 -c1 -d"$((seconds + 4))s" --latency -s bench/get_case.lua "$base" | tail -n 3 > "$data.big" &
reader=$!
sleep 2
read_small
wait "$reader"
echo "== the big case's readers"
cat "$data.big"
rm -f "$data.big"
