#!/usr/bin/env bash
# Preview benchmark: starts `storyloom serve` on a free port with a temp data directory; PARENTS
# guests (default 20) each upload the test photo, then all start a book at the same moment and
# poll it until the preview is ready. Prints previews per minute and the p50/p95/max seconds from
# POST /api/books to preview_ready, plus the server's CPU time and peak memory.
# Usage: bench/pipeline/run.sh [build-dir]   (env: PARENTS=20 WORKERS=2 STYLE=storybook THEME=enchanted-forest)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bin=$build/storyloom
parents=${PARENTS:-20}
workers=${WORKERS:-2}
style=${STYLE:-storybook}
theme=${THEME:-enchanted-forest}
photo=${PHOTO:-tests/data/photos/astronaut.jpg}
[ -x "$bin" ] || { echo "bench/pipeline: $bin not built (make build)"; exit 1; }
[ -f "$photo" ] || { echo "bench/pipeline: no test photo at $photo"; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

STORYLOOM_WORKERS=$workers STORYLOOM_RATELIMIT_AUTH_PER_MINUTE=0 STORYLOOM_RATELIMIT_API_PER_MINUTE=0 \
  STORYLOOM_RATELIMIT_PHOTO_UPLOADS_PER_MINUTE=0 STORYLOOM_LOG_LEVEL=warn \
  "$bin" serve --port 0 --data-dir "$work/data" 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o '"msg":"listening"[^}]*"port":[0-9]*' "$work/server.log" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "bench/pipeline: server did not start"; cat "$work/server.log"; exit 1; }
base="http://127.0.0.1:$port"
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
now() { date +%s.%N; }
calc() { awk "BEGIN {print $*}"; }

# One parent: a guest with a photo, waiting for "go", then one book polled until it settles.
parent() {
  local n=$1 token photo book status t0
  token=$(curl -sf -X POST "$base/api/auth/guest" | field token)
  photo=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: image/jpeg' \
    --data-binary @"$photo" "$base/api/photos" | field id)
  touch "$work/ready.$n"
  while [ ! -f "$work/go" ]; do sleep 0.05; done
  t0=$(now)
  book=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"child\":{\"name\":\"Child$n\",\"age\":6,\"pronouns\":\"they\"},\"photo_id\":\"$photo\",\"theme\":\"$theme\",\"style\":\"$style\"}" \
    "$base/api/books" | field id)
  status=generating
  while [ "$status" = generating ]; do
    sleep 0.5
    status=$(curl -sf -H "Authorization: Bearer $token" "$base/api/books/$book" | field status)
  done
  echo "$status $(calc "$(now) - $t0")" >"$work/result.$n"
}

pids=()
for n in $(seq "$parents"); do
  parent "$n" &
  pids+=($!)
done
while [ "$(ls "$work"/ready.* 2>/dev/null | wc -l)" -lt "$parents" ]; do sleep 0.1; done
cpu_before=$(awk '{print $14 + $15}' "/proc/$server_pid/stat")
start=$(now)
touch "$work/go"
wait "${pids[@]}" || true
total=$(calc "$(now) - $start")
cpu=$(calc "($(awk '{print $14 + $15}' "/proc/$server_pid/stat") - $cpu_before) / $(getconf CLK_TCK)")
ready=$(cat "$work"/result.* 2>/dev/null | grep -c '^preview_ready' || true)
sorted=$(awk '{print $2}' "$work"/result.* | sort -n)
pick() { echo "$sorted" | awk -v q="$1" '{v[NR] = $1} END {i = int(q * NR + 0.999999); if (i < 1) i = 1; print v[i]}'; }
printf 'parents %d, workers %d, style %s: %d previews ready in %.1f s\n' "$parents" "$workers" "$style" "$ready" "$total"
printf 'previews per minute: %.1f\n' "$(calc "$ready * 60 / $total")"
printf 'seconds to a ready preview: p50 %.1f, p95 %.1f, max %.1f\n' "$(pick 0.5)" "$(pick 0.95)" "$(pick 1.0)"
printf 'server CPU %.1f s (%.2f s per preview), peak RSS %s MB\n' "$cpu" "$(calc "$cpu / $parents")" \
  "$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$server_pid/status")"
[ "$ready" -eq "$parents" ] || { echo "bench/pipeline: $((parents - ready)) books did not reach preview_ready"; exit 1; }
