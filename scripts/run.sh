#!/usr/bin/env bash
# Installs what is missing, builds, and starts Haven on its embedded SQLite with a demo centre.
#   HAVEN_DATA   the data folder (default ./data); created with demo accounts on the first run
#   HAVEN_LISTEN address and port (default 127.0.0.1:8080)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$repo_root"

scripts/install-deps.sh
build_native release
build_web

haven="$repo_root/build/release/src/haven"
data="${HAVEN_DATA:-$repo_root/data}"
listen="${HAVEN_LISTEN:-127.0.0.1:8080}"

if [[ ! -f "$data/haven.db" ]]; then
  "$haven" init --data "$data" --demo
else
  # A folder from before the key file (schema 4 and older): migrate creates its key file beside it.
  [[ -f "$data.key" ]] || "$haven" migrate --data "$data"
  echo "Using the existing data folder $data."
  echo "Demo logins: head, worker1, worker2, counsellor, admin (their passwords were shown when the folder was created)."
  echo "Forgot one? $haven user password --data $data --username worker1"
fi
echo "Open http://$listen/ in a browser. Stop with Ctrl+C."
exec "$haven" serve --data "$data" --listen "$listen" --web-root "$repo_root/web/dist"
