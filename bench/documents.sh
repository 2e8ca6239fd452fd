#!/usr/bin/env bash
# Benchmark: a 10 MiB document uploaded and downloaded on loopback (issue 19: each within 1 s on the
# 2-core machine; the server's resident memory growth within 2x the file during a transfer). A
# release server on SQLite; the worker attaches a 10 MiB PDF-shaped file `rounds` times and opens it
# as many times, each transfer timed by curl; the server's peak resident memory (VmHWM, reset before
# each transfer through /proc/PID/clear_refs) is set against its resident memory just before, and
# every download checked byte for byte against what was sent.
#   bench/documents.sh [rounds]     (default 10; needs the release build: scripts/run.sh builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
source bench/lib.sh
start_haven
case_id=$(register_case)
file="$data.pdf"
trap 'kill $server 2>/dev/null || true; rm -rf "$data" "$data.key" "$data.growth" "$file" "$file.back"' EXIT
{ printf '%%PDF-1.7\n'; head -c $((10 * 1024 * 1024 - 9)) /dev/urandom; } >"$file"

machine
peak() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$server/status"; }
resident() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server/status"; }
echo "resident memory before any transfer: $(resident) MiB"
# Runs one transfer ("$@") with the peak reset; prints its output and appends the peak's growth over
# the resident memory just before it to $data.growth.
measured() {
  local before
  before=$(resident)
  echo 5 >"/proc/$server/clear_refs"
  "$@"
  awk -v a="$(peak)" -v b="$before" 'BEGIN { printf "%.1f\n", a - b }' >>"$data.growth"
}
# One request of each first, so that what is measured is the transfer, not the server warming up.
upload() {
  curl -s -o "$data.answer" -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/pdf' -H 'Document-Name: scan.pdf' --data-binary @"$file" \
    "$base/api/v1/cases/$case_id/documents?category=identity"
}
read -r status _ < <(upload)
[[ "$status" == 201 ]] || { echo "the upload was refused ($status): nothing measured" >&2; cat "$data.answer" >&2; exit 1; }
document_id=$(grep -oE '"id":"[^"]+"' "$data.answer" | head -n1 | cut -d'"' -f4)
download() {
  curl -s -o "$file.back" -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" \
    "$base/api/v1/cases/$case_id/documents/$document_id/content"
}
download >/dev/null
summary() { sort -n | awk '{ t[NR] = $1 } END { printf "median %4.0f ms   slowest %4.0f ms   (%d)\n", t[int((NR + 1) / 2)] * 1000, t[NR] * 1000, NR }'; }
echo -n "upload of 10 MiB     "
for _ in $(seq "$rounds"); do measured upload; done | awk '$1 != 201 { print "refused: " $1 > "/dev/stderr"; exit 1 } { print $2 }' | summary
echo -n "download of 10 MiB   "
for _ in $(seq "$rounds"); do
  measured download
  cmp -s "$file" "$file.back" || { echo "a download differs from the upload" >&2; exit 1; }
done | awk '$1 != 200 { print "refused: " $1 > "/dev/stderr"; exit 1 } { print $2 }' | summary
echo "resident memory growth during a transfer: at most $(sort -n "$data.growth" | tail -n1) MiB (the file is 10 MiB)"
echo "resident memory after every transfer: $(resident) MiB"
