#!/usr/bin/env bash
# Benchmark: how long each screen of the browser UI takes to be usable with 100,000 cases in the
# database (issue 5: within 1 s on the 2-core machine). A release server on SQLite is seeded through
# the API (the cases, a worked case file, a provider directory), then headless Chromium opens each
# screen three times and reports the time from navigation to the screen's content.
#   bench/screens.sh [cases]     (default 100000; needs the release build: scripts/run.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-100000}"
haven="${HAVEN_BINARY:-build/release/src/haven}"
[[ -x "$haven" ]] || { echo "build the release preset first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
[[ -d web/dist ]] || { echo "build the web UI first: (cd web && npm ci && npm run build)" >&2; exit 1; }

data="$(mktemp -d)"
server=""
# HAVEN_BENCH_KEEP=1 keeps the seeded data folder (printed at the end) for looking into a query.
trap 'kill $server 2>/dev/null || true; [[ -n "${HAVEN_BENCH_KEEP:-}" ]] && echo "data kept in $data" || rm -rf "$data" "$data.key" "$data.state.json"' EXIT
password="screens-bench-$$-long-enough-passphrase"
"$haven" init --data "$data" --centre "Trung tâm đo hiệu năng" >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username worker --display-name "Trần Thị Bench" \
  --role case_worker --password-stdin >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username head --display-name "Nguyễn Thị Head" \
  --role centre_head --password-stdin >/dev/null
# Nobody records their own screening (III.1.b): a second head records the head's.
printf '%s\n' "$password" | "$haven" user add --data "$data" --username deputy --display-name "Lê Thị Deputy" \
  --role centre_head --password-stdin >/dev/null
"$haven" serve --data "$data" --listen 127.0.0.1:18182 --web-root web/dist --log-level warn >/dev/null 2>&1 &
server=$!
sleep 1

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
HAVEN_URL=http://127.0.0.1:18182 HAVEN_TEST_USER=worker HAVEN_TEST_HEAD=head HAVEN_TEST_PASSWORD="$password" \
  HAVEN_TEST_STATE="$data.state.json" HAVEN_BENCH_CASES="$cases" node bench/screens.mjs
echo "database: $(du -sh "$data" | cut -f1), server resident memory: $(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$server/status")"
