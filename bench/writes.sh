#!/usr/bin/env bash
# Benchmark: durable, audited writes on SQLite with wrk, 16 connections: registrations (POST
# /api/v1/cases), then records (POST /api/v1/cases/{id}/records, a consultation, round-robin over
# 200 cases). Each answer comes after its commit (group commit, synchronous=FULL) with its audit entry.
#   bench/writes.sh [seconds]     (default 20; needs the release build: scripts/run.sh builds it)
# Prints, for each, requests per second and p50/p99 latency, and the server's resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
source bench/lib.sh
start_haven

new_case='{"reception": {"received_at": "2026-01-15T02:30:00Z", "referral_channel": "police",
  "referring_authority": "Công an tỉnh An Giang", "legal_basis": "Quyết định 12/QĐ", "documents": ["Biên bản"]},
  "person": {"name": "Đặng Thị Hoa", "name_is_alias": false, "sex": "female", "birth_date": "2008-03-14",
  "suspected_child": false, "nationality": "VN", "languages": ["vi"], "preferred_staff_gender": "female"}}'
record='{"type": "consultation", "occurred_at": "2026-02-01T03:00:00Z",
  "body": {"condition_observed": "calmer, sleeping better", "victim_views": "wants to learn sewing"}}'

machine
echo "resident memory idle: $(rss)"
echo "== registrations"
HAVEN_COOKIE="$cookie" HAVEN_CSRF="$csrf" HAVEN_PATHS=/api/v1/cases HAVEN_BODY="$new_case" \
  wrk -t2 -c16 -d"${seconds}s" --latency -s bench/post_json.lua "$base" | tail -n 3

paths=""
for _ in $(seq 200); do paths+="/api/v1/cases/$(register_case)/records,"; done
echo "== records (over 200 cases)"
HAVEN_COOKIE="$cookie" HAVEN_CSRF="$csrf" HAVEN_PATHS="$paths" HAVEN_BODY="$record" \
  wrk -t2 -c16 -d"${seconds}s" --latency -s bench/post_json.lua "$base" | tail -n 3
echo "resident memory after the runs: $(rss)"
