#!/usr/bin/env bash
# Benchmark: authenticated, case-level checked (I.3.c) and audited GET of one case on SQLite, 64
# connections, with wrk. HAVEN_BINARY names another haven binary (default: the release build).
#   bench/case-read.sh [seconds]     (default 20; needs the release build: scripts/run.sh builds it)
# Prints requests per second, p50/p99 latency, and the server's resident memory idle and after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
haven="${HAVEN_BINARY:-build/release/src/haven}"
[[ -x "$haven" ]] || { echo "build the release preset first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

data="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; rm -rf "$data" "$data.key"' EXIT
password="wrk-load-$$-long-enough-passphrase"
"$haven" init --data "$data" --centre "Bench" >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username bench --role case_worker --password-stdin >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username head --role centre_head --password-stdin >/dev/null
"$haven" serve --data "$data" --listen 127.0.0.1:18181 --web-root "" --log-level warn >/dev/null 2>&1 &
server=$!
sleep 1

# Signs in; sets $cookie, $csrf and $user_id.
sign_in() {
  local answer
  answer=$(curl -s -D - -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" http://127.0.0.1:18181/api/v1/session)
  cookie=$(grep -i '^set-cookie:' <<<"$answer" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
  csrf=$(grep -oE '"csrf_token":"[0-9a-f]+"' <<<"$answer" | cut -d'"' -f4)
  user_id=$(grep -oE '"user":\{"id":"[^"]+"' <<<"$answer" | cut -d'"' -f6)
}
# The head records the worker's recruitment screening (III.1.b): without it no case opens (I.3.c).
sign_in bench
worker_id="$user_id"
sign_in head
curl -s -o /dev/null -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "{
  \"type\": \"recruitment_screening\", \"occurred_at\": \"2026-01-01T00:00:00Z\", \"subject\": \"$worker_id\",
  \"body\": {\"ability\": true, \"qualifications\": true, \"moral_standing\": true, \"judicial_record_checked\": true}}" \
  http://127.0.0.1:18181/api/v1/centre/records
sign_in bench
case_id=$(curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d '{
  "reception": {"received_at": "2026-01-15T02:30:00Z", "referral_channel": "police",
                "referring_authority": "Công an tỉnh An Giang", "legal_basis": "Quyết định 12/QĐ", "documents": ["Biên bản"]},
  "person": {"name": "Đặng Thị Hoa", "name_is_alias": false, "sex": "female", "birth_date": "2008-03-14",
             "suspected_child": false, "nationality": "VN", "languages": ["vi"], "preferred_staff_gender": "female"}}' \
  http://127.0.0.1:18181/api/v1/cases | sed -E 's/^\{"id":"([^"]+)".*/\1/')

rss() { awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$server/status"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "resident memory idle: $(rss)"
HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="/api/v1/cases/$case_id" \
  wrk -t2 -c64 -d"${seconds}s" --latency -s bench/get_case.lua http://127.0.0.1:18181 | tail -n 4
echo "resident memory after the run: $(rss)"
sleep 2
echo "resident memory idle again: $(rss)"
