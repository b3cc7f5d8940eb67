#!/usr/bin/env bash
# HTTP benchmark: starts `storyloom serve` on a free port with a temp data directory, runs wrk
# with keep-alive against /health and a JSON endpoint (/api), and prints requests/s, p99
# latency and the server's resident memory. Targets on the 2-core reference machine:
# >= 50,000 req/s on /health, p99 < 5 ms, RSS < 50 MB.
# The server runs with faces.load_model=first_photo: the face model (~75 MB, needed by photo
# checks only) is not in memory, so RSS is the HTTP server's own. FACE_MODEL=at_start measures
# the default set-up, model included.
# Usage: bench/http/run.sh [build-dir]
#   env: DURATION=10s CONNECTIONS=64 WRK_THREADS=1 SERVER_THREADS=1 FACE_MODEL=first_photo
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bin=$build/storyloom
duration=${DURATION:-10s}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-1}
server_threads=${SERVER_THREADS:-1}
face_model=${FACE_MODEL:-first_photo}
command -v wrk >/dev/null || { echo "bench/http: wrk is not installed (scripts/install-deps)"; exit 1; }
[ -x "$bin" ] || { echo "bench/http: $bin not built (make build)"; exit 1; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The access log is one line per request; at bench rates it goes to a file like in production.
STORYLOOM_HTTP_THREADS=$server_threads STORYLOOM_WORKERS=0 STORYLOOM_FACES_LOAD_MODEL=$face_model \
  "$bin" serve --port 0 --data-dir "$work/data" 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o '"msg":"listening"[^}]*"port":[0-9]*' "$work/server.log" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "bench/http: server did not start"; cat "$work/server.log"; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$server_pid/status"; }

run() {
  local name=$1 path=$2
  local out before after
  before=$(cpu_ticks)
  out=$(wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency "http://127.0.0.1:$port$path")
  after=$(cpu_ticks)
  local rps p99 total cpu_us
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  # Server CPU per request: meaningful even when other processes compete for the cores.
  cpu_us=$(awk -v t=$((after - before)) -v n="$total" -v hz="$ticks_per_second" 'BEGIN {printf "%.1f", n ? t * 1e6 / hz / n : 0}')
  local errors
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
  printf '%-8s %-8s requests/s %10s   p99 %8s   server cpu %6s us/req   rss %6s MB %s\n' \
    "http" "$name" "$rps" "$p99" "$cpu_us" "$(rss_mb)" "$errors"
}

echo "bench/http: load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers the figures)"
echo "bench/http: server threads $server_threads, wrk threads $wrk_threads, $connections connections, $duration each, face model loaded: $face_model"
[ "$face_model" = at_start ] && sleep 3  # let the background load finish before measuring
wrk -t 1 -c 4 -d 1s "http://127.0.0.1:$port/health" >/dev/null  # warm-up
run health /health
run json /api
echo "bench/http: peak RSS $(hwm_mb) MB"
