#!/usr/bin/env bash
# Whole books from a photo, as a parent's order makes them: `storyloom book` with the shared
# test photo, interior + cover + preview PDFs, real vector art and face compositing, pages drawn
# on both cores. Prints per book: wall time, time to the first preview page (photo check
# included), CPU time and peak memory, then a `preflight` verdict. Targets on the 2-core
# reference machine: < 5 s a book, < 1 s to the first preview page, < 600 MB peak.
# Usage: bench/book/run.sh [build-dir]   (env: THEMES="enchanted-forest space-voyage" STYLES="storybook cartoon")
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bin=$build/storyloom
photo=tests/data/photos/astronaut.jpg
themes=${THEMES:-"enchanted-forest space-voyage"}
styles=${STYLES:-"storybook cartoon"}
[ -x "$bin" ] || { echo "bench/book: $bin not built (make build)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/book: GNU time is not installed (scripts/install-deps)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-18s %-10s %8s %14s %8s %9s %s\n' theme style wall_s first_page_s cpu_s peak_MB preflight
for theme in $themes; do
  for style in $styles; do
    out=$work/$theme-$style
    /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$bin" book --name Emma --age 6 --pronouns she \
      --photo "$photo" --theme "$theme" --style "$style" --companion Biscuit:dog \
      --out "$out.pdf" --cover "$out-cover.pdf" --preview "$out-preview.pdf" --json >"$out.json"
    read -r wall user sys rss_kb <"$out.time"
    first=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(j.first_preview_page_seconds.toFixed(2))' "$out.json")
    verdict=$("$bin" preflight "$out.pdf" >/dev/null 2>&1 && echo pass || echo FAIL)
    printf '%-18s %-10s %8s %14s %8.2f %9d %s\n' "$theme" "$style" "$wall" "$first" \
      "$(echo "$user + $sys" | bc)" $((rss_kb / 1024)) "$verdict"
  done
done
