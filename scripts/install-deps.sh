#!/usr/bin/env bash
# Installs what Haven needs from Debian 12's own packages, and only what is missing.
#   scripts/install-deps.sh          build and run: compiler, libraries, Node.js
#   scripts/install-deps.sh --test   also what the tests need: GoogleTest, PostgreSQL, Chromium
set -euo pipefail

want_tests=false
[[ "${1:-}" == "--test" ]] && want_tests=true

if [[ ! -r /etc/os-release ]] || ! grep -q '^ID=debian' /etc/os-release || ! grep -q '^VERSION_ID="12"' /etc/os-release; then
  echo "install-deps: Haven's scripts install packages on Debian 12 (bookworm) only." >&2
  echo "On another system, install the equivalents of the packages listed in $0 yourself," >&2
  echo "then run the cmake and npm steps of scripts/run.sh by hand." >&2
  exit 1
fi

packages=(
  g++ cmake ninja-build ccache pkg-config git
  # Boost 1.81 from its own packages: Beast/Asio headers, JSON and URL. Never the 1.74 libboost-dev.
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsodium-dev libssl-dev libpq-dev libsqlite3-dev sqlite3 libspdlog-dev libcli11-dev libexpected-dev
)
if $want_tests; then
  packages+=(libgtest-dev libgmock-dev googletest postgresql postgresql-common chromium firefox-esr)
fi
# Node.js: Debian's own, unless a node is already on the machine.
if ! command -v node >/dev/null 2>&1; then packages+=(nodejs npm); fi
if ! command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then packages+=(npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: everything needed is installed."
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done."
