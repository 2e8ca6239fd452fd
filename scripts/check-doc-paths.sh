#!/usr/bin/env bash
# Fails when the developer documentation names a file of this repository that does not exist.
#
#   scripts/check-doc-paths.sh        # from anywhere; exit 0 when every named path exists
#
# Reads README.md, CONTRIBUTING.md, docs/*.md, docs/adr/*.md, bench/README.md and bench/RESULTS.md.
# What counts as a named path:
#   - a word inside `backticks` or a fenced code block that starts with src/, tests/, web/, docs/,
#     bench/, scripts/, cmake/ or .ci/ and either ends in / (a folder) or whose last part has an
#     extension (src/http/api.cpp); a glob (src/http/handlers/*_handlers.cpp) must match something;
#   - a word that is one of the root files (README.md, CONTRIBUTING.md, CMakeLists.txt, ...);
#   - a word of a code span that climbs out of the repository (../shared/DESIGN.md) is a miss;
#   - the target of every relative markdown link, [text](target), resolved from the linking file's
#     folder, which must also stay inside the repository.
# Each miss is printed as file:line: path, and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=(README.md CONTRIBUTING.md docs/*.md docs/adr/*.md bench/README.md bench/RESULTS.md)

# Prints "line<TAB>kind<TAB>candidate" for each word of a code span or fence, and each link target.
candidates() {
  awk '
    function emit(kind, word) {
      gsub(/^[(\["'"'"'<]+/, "", word)
      gsub(/[)\]"'"'"'>,.;:!?]+$/, "", word)
      if (word != "") printf "%d\t%s\t%s\n", NR, kind, word
    }
    function words(kind, text,    n, parts, i) {
      n = split(text, parts, /[ \t]+/)
      for (i = 1; i <= n; i++) emit(kind, parts[i])
    }
    /^[ \t]*```/ { fence = !fence; next }
    fence { words("code", $0); next }
    {
      line = $0
      # Link targets first: ](target) or ](target "title").
      rest = line
      while (match(rest, /\]\([^) \t]+/)) {
        emit("link", substr(rest, RSTART + 2, RLENGTH - 2))
        rest = substr(rest, RSTART + RLENGTH)
      }
      # Then the words of each `code span` on the line.
      n = split(line, spans, "`")
      for (i = 2; i <= n; i += 2) if (i < n) words("code", spans[i])
    }
  ' "$1"
}

is_path_word() {
  local word="$1"
  case "$word" in
    src/* | tests/* | web/* | docs/* | bench/* | scripts/* | cmake/* | .ci/*) ;;
    README.md | CONTRIBUTING.md | CMakeLists.txt | CMakePresets.json | .clang-format | .gitignore) return 0 ;;
    *) return 1 ;;
  esac
  [[ "$word" == */ ]] && return 0
  [[ "${word##*/}" =~ \.[A-Za-z0-9]+$ ]]
}

exists() {
  local path="$1"
  if [[ "$path" == *[*?]* ]]; then
    compgen -G "$path" >/dev/null
  else
    [[ -e "$path" ]]
  fi
}

missing=0
for doc in "${docs[@]}"; do
  [[ -f "$doc" ]] || continue
  dir=$(dirname "$doc")
  while IFS=$'\t' read -r line kind word; do
    word="${word%%#*}"
    word=$(sed -E 's/:[0-9]+(-[0-9]+)?$//' <<<"$word")
    [[ -n "$word" ]] || continue
    if [[ "$kind" == link ]]; then
      case "$word" in
        http:* | https:* | mailto:* | /*) continue ;;
      esac
      # Resolve against the linking file's folder, without following symbolic links.
      path=$(printf '%s/%s\n' "$dir" "$word" | awk -F/ '{
        n = 0
        for (i = 1; i <= NF; i++) {
          if ($i == "" || $i == ".") continue
          if ($i == "..") { if (n == 0) { print "../OUTSIDE"; exit } n--; continue }
          part[++n] = $i
        }
        out = ""
        for (i = 1; i <= n; i++) out = out (i > 1 ? "/" : "") part[i]
        print out
      }')
      if [[ "$path" == ../* ]]; then
        echo "$doc:$line: $word (outside the repository)"
        missing=$((missing + 1))
        continue
      fi
    else
      if [[ "$word" == ../*.* ]]; then
        echo "$doc:$line: $word (outside the repository)"
        missing=$((missing + 1))
        continue
      fi
      is_path_word "$word" || continue
      path="$word"
    fi
    if ! exists "$path"; then
      echo "$doc:$line: $word"
      missing=$((missing + 1))
    fi
  done < <(candidates "$doc")
done

if ((missing > 0)); then
  echo "check-doc-paths: $missing path(s) named in the docs do not exist" >&2
  exit 1
fi
echo "check-doc-paths: every path named in the docs exists"
