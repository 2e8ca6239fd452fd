#!/usr/bin/env bash
# Benchmark: `haven backup` of a large database while a reader and a writer run, then `haven restore`
# (issue 20). Works on a copy of a seeded data folder: seed one with
#   HAVEN_BENCH_SEED_ONLY=1 HAVEN_BENCH_KEEP=1 bench/screens.sh 100000    (prints "data kept in DIR")
#   bench/backup.sh DIR [seconds]     (default 30; needs the release build)
# Prints the reader's (GET of a case, 4 connections) and the writer's (records over 20 cases, 2
# connections, each answered after its commit) p50/p99/max without a backup and with one running,
# the backup's time and size, and the restore's time.
set -euo pipefail
cd "$(dirname "$0")/.."
seeded="${1:?give the seeded data folder (see the comment at the top)}"
seconds="${2:-30}"
haven="${HAVEN_BINARY:-build/release/src/haven}"
[[ -x "$haven" ]] || { echo "build the release preset first" >&2; exit 1; }
work="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
data="$work/data"
cp -r "$seeded" "$data"
cp "$seeded.key" "$data.key"
rm -f "$data/haven.lock"
password="backup-bench-$$-long-enough-passphrase"
printf '%s\n' "$password" | "$haven" user password --data "$data" --username worker --password-stdin >/dev/null
base=http://127.0.0.1:18183
"$haven" serve --data "$data" --listen 127.0.0.1:18183 --web-root "" --log-level warn >/dev/null 2>&1 &
server=$!
sleep 2
answer=$(curl -s -D - -H 'Content-Type: application/json' -d "{\"username\":\"worker\",\"password\":\"$password\"}" "$base/api/v1/session")
cookie=$(grep -i '^set-cookie:' <<<"$answer" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
csrf=$(grep -oE '"csrf_token":"[0-9a-f]+"' <<<"$answer" | cut -d'"' -f4)
ids=$(curl -s -H "Cookie: $cookie" "$base/api/v1/cases?limit=20" | grep -oE '"id":"[0-9a-z]{26}"' | cut -d'"' -f4)
first=$(head -n1 <<<"$ids")
paths=""
for id in $ids; do paths+="/api/v1/cases/$id/records,"; done
when=$(date -u -d '1 minute ago' +%Y-%m-%dT%H:%M:%SZ)
record='{"type": "consultation", "occurred_at": "'"$when"'", "body": {"condition_observed": "calmer, sleeping better", "victim_views": "wants to learn sewing"}}'

load() {  # $1: label; runs the reader and the writer for $seconds, side by side
  HAVEN_COOKIE="$cookie" HAVEN_CASE_PATH="/api/v1/cases/$first" \
    wrk -t1 -c4 -d"${seconds}s" --latency -s bench/get_case.lua "$base" | tail -n 3 | sed "s/^/$1 reader: /" &
  local reader=$!
  HAVEN_COOKIE="$cookie" HAVEN_CSRF="$csrf" HAVEN_PATHS="$paths" HAVEN_BODY="$record" \
    wrk -t1 -c2 -d"${seconds}s" --latency -s bench/post_json.lua "$base" | tail -n 3 | sed "s/^/$1 writer: /" &
  local writer=$!
  if [[ "$1" == "during" ]]; then
    sleep 2
    local t0
    t0=$(date +%s%3N)
    "$haven" backup --data "$data" --to "$work/nightly.haven-backup" >/dev/null
    echo "backup: $(( $(date +%s%3N) - t0 )) ms, $(du -h "$work/nightly.haven-backup" | cut -f1)"
  fi
  wait $reader $writer
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "database: $(du -sh "$data" | cut -f1)"
load quiet
load during
kill $server; wait $server 2>/dev/null || true; server=""
t0=$(date +%s%3N)
"$haven" restore --from "$work/nightly.haven-backup" --data "$data" >/dev/null
echo "restore (checks included): $(( $(date +%s%3N) - t0 )) ms"
