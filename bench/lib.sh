# Sourced by the wrk benchmarks: a release haven serving a fresh SQLite data folder on 127.0.0.1:18181
# with a worker `bench` (screened by the head, so that she may open cases) and the head `head` (her
# two-step sign-in set up), and helpers to sign in, register a case and print the machine.
#   source bench/lib.sh; start_haven [serve flags...]; sign_in bench; case_id=$(register_case)
haven="${HAVEN_BINARY:-build/release/src/haven}"
[[ -x "$haven" ]] || { echo "build the release preset first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
base=http://127.0.0.1:18181
data="$(mktemp -d)"
server=""
trap 'kill $server 2>/dev/null || true; rm -rf "$data" "$data.key"' EXIT
password="wrk-load-$$-long-enough-passphrase"

# Signs in; sets $cookie, $csrf and $user_id.
sign_in() {
  local answer
  answer=$(curl -s -D - -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$base/api/v1/session")
  cookie=$(grep -i '^set-cookie:' <<<"$answer" | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
  csrf=$(grep -oE '"csrf_token":"[0-9a-f]+"' <<<"$answer" | cut -d'"' -f4)
  user_id=$(grep -oE '"user":\{"id":"[^"]+"' <<<"$answer" | cut -d'"' -f6)
}

# POST JSON as the one signed in last; prints the answer's body.
post() { curl -s -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$2" "$base$1"; }

# The 6-digit TOTP code (RFC 6238) of a base32 secret now, as an authenticator app computes it.
totp_now() {
  node -e '
    const crypto = require("crypto");
    let bits = 0, value = 0; const bytes = [];
    for (const ch of process.argv[1]) {
      value = (value << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(ch); bits += 5;
      if (bits >= 8) { bytes.push((value >>> (bits - 8)) & 255); bits -= 8; }
    }
    const counter = Buffer.alloc(8); counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
    const mac = crypto.createHmac("sha1", Buffer.from(bytes)).update(counter).digest();
    const at = mac[mac.length - 1] & 15;
    console.log(String((mac.readUInt32BE(at) & 0x7fffffff) % 1e6).padStart(6, "0"));' "$1"
}

# Starts haven serve with the two accounts; the head sets up her two-step sign-in, which her role
# requires before anything else, and records the worker's recruitment screening (III.1.b): without it
# no case opens (I.3.c). Leaves `bench` signed in.
start_haven() {
  "$haven" init --data "$data" --centre "Bench" >/dev/null
  printf '%s\n' "$password" | "$haven" user add --data "$data" --username bench --role case_worker --password-stdin >/dev/null
  printf '%s\n' "$password" | "$haven" user add --data "$data" --username head --role centre_head --password-stdin >/dev/null
  "$haven" serve --data "$data" --listen 127.0.0.1:18181 --web-root "" --log-level warn "$@" >/dev/null 2>&1 &
  server=$!
  sleep 1
  sign_in bench
  local worker_id="$user_id"
  sign_in head
  local secret
  secret=$(post /api/v1/session/second-factor "{\"password\":\"$password\"}" | grep -oE '"secret":"[A-Z2-7]+"' | cut -d'"' -f4)
  post /api/v1/session/second-factor/confirm "{\"code\":\"$(totp_now "$secret")\"}" >/dev/null
  post /api/v1/centre/records "{
    \"type\": \"recruitment_screening\", \"occurred_at\": \"2026-01-01T00:00:00Z\", \"subject\": \"$worker_id\",
    \"body\": {\"ability\": true, \"qualifications\": true, \"moral_standing\": true, \"judicial_record_checked\": true}}" >/dev/null
  sign_in bench
}

# Registers a case as the one signed in; prints its ID, or fails the benchmark.
register_case() {
  local id
  id=$(post /api/v1/cases '{
    "reception": {"received_at": "2026-01-15T02:30:00Z", "referral_channel": "police",
                  "referring_authority": "Công an tỉnh An Giang", "legal_basis": "Quyết định 12/QĐ", "documents": ["Biên bản"]},
    "person": {"name": "Đặng Thị Hoa", "name_is_alias": false, "sex": "female", "birth_date": "2008-03-14",
               "suspected_child": false, "nationality": "VN", "languages": ["vi"], "preferred_staff_gender": "female"}}' |
    sed -E 's/^\{"id":"([^"]+)".*/\1/')
  if [[ ! "$id" =~ ^[0-9a-z]{26}$ ]]; then
    echo "the setup failed (no case was registered); nothing measured" >&2
    exit 1
  fi
  echo "$id"
}

rss() { awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$server/status"; }
machine() { echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"; }
