#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test:
#   1. the web UI's checks: catalogs (vi and en have the same keys), type check, unit tests;
#   2. C++ unit, storage-contract, HTTP and kill tests under ctest (AddressSanitizer and UBSan),
#      with the storage contract run against SQLite and against a throwaway PostgreSQL cluster
#      that pg_virtualenv creates and removes;
#   3. `haven standards --check`: every clause of the Minimum Standards has a mechanism and a
#      scenario test;
#   4. browser tests in headless Chromium (playwright-core, Debian's /usr/bin/chromium) and in
#      headless Firefox ESR (puppeteer-core over WebDriver BiDi, Debian's /usr/bin/firefox-esr)
#      against a real haven server on a free port with a fresh data folder.
# Ends with one line: "N passed, N failed". Screenshots go to test-artifacts/.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

scripts/install-deps.sh --test || exit 1
build_native dev || exit 1
# The README's run command serves the optimised build: it must compile cleanly too.
build_native release || exit 1
build_web || exit 1

artifacts="$repo_root/test-artifacts"
rm -rf "$artifacts" && mkdir -p "$artifacts/screenshots"
passed=0
failed=0

# Adds the counts of a node --test run ("# pass N", "# fail N") to the totals.
count_node() {
  local log="$1" p f
  p=$(grep -E '^# pass [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
}

echo "==> web UI checks"
(cd web && npm run --silent check:i18n) || failed=$((failed + 1))
(cd web && npm run --silent test:unit) 2>&1 | tee "$artifacts/web-unit.log"
count_node "$artifacts/web-unit.log"

echo "==> C++ tests (SQLite, and PostgreSQL in a throwaway cluster)"
# -t: the cluster lives in a temporary folder even for root. Without it, root's cluster is made as
# 15/regress in /etc/postgresql, and one left there by an interrupted run ("Cluster 15/regress exists,
# refusing to overwrite") stops every later run before a single test.
pg_virtualenv -t -- bash -c '
  export HAVEN_TEST_POSTGRES="host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD dbname=$PGDATABASE"
  export HAVEN_REQUIRE_POSTGRES=1
  ctest --preset dev -j2 --timeout 300
' 2>&1 | tee "$artifacts/ctest.log"
summary=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$artifacts/ctest.log" | tail -n1)
if [[ -n "$summary" ]]; then
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests failed.*/\1/' <<<"$summary")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
else
  echo "test.sh: ctest did not report a summary" >&2
  failed=$((failed + 1))
fi

echo "==> every clause of the standards has a mechanism and a test"
if build/dev/src/haven standards --check --lang en | tee "$artifacts/standards-check.log"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "==> browser tests (headless Chromium)"
haven="$repo_root/build/dev/src/haven"
data="$(mktemp -d)"
password="browser-test-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$haven" init --data "$data" --centre "Trung tâm kiểm thử" >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username worker1 --display-name "Trần Văn Minh" \
  --role case_worker --password-stdin >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username head --display-name "Nguyễn Thị Lan" \
  --role centre_head --password-stdin >/dev/null
printf '%s\n' "$password" | "$haven" user add --data "$data" --username admin --display-name "Quản trị viên" \
  --role administrator --password-stdin >/dev/null
# A second administrator, who records the head's recruitment screening in the set-up: nobody records
# their own, and the test centre has one head.
printf '%s\n' "$password" | "$haven" user add --data "$data" --username admin2 --display-name "Quản trị viên hai" \
  --role administrator --password-stdin >/dev/null
"$haven" serve --data "$data" --listen 127.0.0.1:0 --web-root "$repo_root/web/dist" --log-level warn \
  >"$artifacts/server.out" 2>"$artifacts/server.err" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$artifacts/server.out" 2>/dev/null | head -n1 | sed 's/.*://')
  [[ -n "$port" ]] && break
  sleep 0.1
done
if [[ -z "$port" ]]; then
  echo "test.sh: the server for the browser tests did not start" >&2
  cat "$artifacts/server.err" >&2
  failed=$((failed + 1))
else
  # The head sets up her two-step sign-in and screens the test accounts (III.1.b) through the API, as
  # a centre would before any case work. The test files share the TOTP secrets and open API sessions
  # through HAVEN_TEST_STATE.
  (cd web && export HAVEN_URL="http://127.0.0.1:$port" HAVEN_TEST_USER=worker1 HAVEN_TEST_HEAD=head \
    HAVEN_TEST_ADMIN=admin HAVEN_TEST_SETUP_ADMIN=admin2 HAVEN_TEST_PASSWORD="$password" HAVEN_ARTIFACTS="$artifacts/screenshots" \
    HAVEN_TEST_STATE="$data.browser-state.json" &&
    node tests/browser/setup.mjs && npm run --silent test:browser) 2>&1 | tee "$artifacts/browser.log"
  count_node "$artifacts/browser.log"
fi
kill -TERM "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null
rm -rf "$data" "$data.key" "$data.browser-state.json"

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
