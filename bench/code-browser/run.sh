#!/usr/bin/env bash
# The code browser's figures, through the gateway, anonymous (as the public uses it):
#  1. search as you type (GET /codes/suggest, every query different) and
#  2. the concept page (GET /codes/icd-10-se/{random code}),
#     each wrk -t2 -c16 for DURATION after a warm-up, with the code server's CPU time per request;
#  3. first contentful paint of each page type in headless Chromium (fcp.py, the browser's navigation timing).
# Needs the suite running with the anonymous rate limit raised (500/s per address by default), from the repository root:
#   RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 ./run-suite.sh
#   bench/code-browser/run.sh
# and wrk, chromium, chromium-driver. GATEWAY (default http://localhost:8080), CODESERVER_PID (for the CPU figure;
# by default the process listening on the gateway's port + 2, as run-suite.sh places it), DURATION (30s), WARMUP (60s).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
DIR=$(dirname "$0")
GATEWAY_PORT=${GATEWAY##*:}
PID=${CODESERVER_PID:-$(ss -ltnpH "sport = :$((GATEWAY_PORT + 2))" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2 || true)}
curl -sf -o /dev/null "$GATEWAY/codes/suggest?q=hj%C3%A4rtinf" || { echo "$GATEWAY/codes/suggest does not answer 200"; exit 1; }
curl -sf -o /dev/null "$GATEWAY/codes/icd-10-se/I21" || { echo "$GATEWAY/codes/icd-10-se/I21 does not answer 200"; exit 1; }

cpu() { [ -n "$PID" ] && awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' /proc/$PID/stat || echo 0; }
measure() {
  local name=$1 script=$2 before after out requests
  before=$(cpu)
  out=$(wrk -t2 -c16 -d"$DURATION" --latency -s "$script" "$GATEWAY")
  after=$(cpu)
  echo "$out" | grep -E "requests=|Socket|Non-2xx"
  requests=$(echo "$out" | grep -oE "requests=[0-9]+" | head -1 | cut -d= -f2)
  [ -n "$PID" ] && echo "$name: code server CPU $(echo "scale=3; ($after - $before) * 1000 / $requests" | bc) ms per request; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "--- warm-up ($WARMUP each)"
wrk -t2 -c16 -d"$WARMUP" -s "$DIR/suggest.lua" "$GATEWAY" > /dev/null
wrk -t2 -c16 -d"$WARMUP" -s "$DIR/concept.lua" "$GATEWAY" > /dev/null
echo "--- search as you type, every query different: wrk -t2 -c16 -d$DURATION $GATEWAY/codes/suggest"
measure suggest "$DIR/suggest.lua"
echo "--- concept page: wrk -t2 -c16 -d$DURATION $GATEWAY/codes/icd-10-se/{code}"
measure concept "$DIR/concept.lua"
echo "--- first contentful paint (headless Chromium)"
BASE=$GATEWAY python3 "$DIR/fcp.py"
