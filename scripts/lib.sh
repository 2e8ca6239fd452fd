# Shared steps of scripts/run.sh and scripts/test.sh. Sourced, not run.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# ccache hits across checkouts in different folders (CI clones afresh each time): paths are hashed
# relative to the repository, not the working directory.
export CCACHE_BASEDIR="$repo_root"
export CCACHE_NOHASHDIR=1

# Builds one CMake preset (dev or release) with Ninja and ccache.
build_native() {
  local preset="$1"
  echo "==> building the haven binary ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
}

# Installs the web UI's pinned packages when the lock file changed, and builds web/dist when a
# source changed since the last build.
build_web() {
  echo "==> building the web UI"
  cd "$repo_root/web"
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [[ ! -f dist/index.html ]] || [[ -n "$(find src index.html package-lock.json vite.config.ts public -newer dist/index.html 2>/dev/null | head -n 1)" ]]; then
    npm run --silent build
  fi
  cd "$repo_root"
}
