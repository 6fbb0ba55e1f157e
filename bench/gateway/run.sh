#!/usr/bin/env bash
# The gateway against nginx as a plain reverse proxy, in one run, on the same route of fmb-service: direct, through
# nginx, through the gateway without and with a bearer token. wrk -t2 -c16 after a warm-up; req/s, p50, p99 and the
# CPU time per request of the proxy (gateway or nginx, from /proc/<pid>/stat before and after) and of fmb-service.
# Each comparison runs ROUNDS times, alternating, so that other load on the machine falls on every target alike.
#
# Needs a running suite with the rate limits raised (or most answers are the gateway's 429):
#   RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 \
#     RATE_LIMIT_TOKEN_ENDPOINT_PER_MINUTE=100000 ./run-suite.sh
# and wrk and nginx (Debian: apt-get install wrk nginx-light). nginx runs as the current user from a temporary
# folder with the configuration of proxies.sh (no root, no system configuration touched), and is stopped at the end.
#
#   GATEWAY     the gateway (default http://localhost:8080)
#   DIRECT      fmb-service itself (default http://localhost:8081)
#   ROUTE       default /fmb/api/v1/diagnoses/by-code/F321
#   NGINX_PORT  default 18480
#   WARMUP      warm-up through the gateway with a token, before anything is measured (default 90s: the suite's JVMs
#               compile their hot paths late, see SuiteLauncher.jvmOptions); nginx and direct get a third of it
#   DURATION    each measurement (default 30s)
#   ROUNDS      default 2
#   CONNECTIONS default 16
#   COMPARE     other gateways measured with a token in the same rounds, as name=URL pairs separated by spaces, e.g.
#               an older build started on another port: COMPARE="before=http://localhost:18090" (each gets the same
#               warm-up as the gateway); a cut's effect is the CPU per request of two builds side by side
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DIRECT=${DIRECT:-http://localhost:8081}
ROUTE=${ROUTE:-/fmb/api/v1/diagnoses/by-code/F321}
NGINX_PORT=${NGINX_PORT:-18480}
WARMUP=${WARMUP:-90s}
DURATION=${DURATION:-30s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
COMPARE=${COMPARE:-}

cd "$(dirname "$0")/../.."
. bench/gateway/proxies.sh

begin_run gateway-bench
start_nginx "$DIRECT" "$NGINX_PORT"

TOKEN=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
declare -A COMPARE_PID
for pair in $COMPARE; do
  COMPARE_PID[${pair%%=*}]=$(pid_of "${pair#*=}")
  [ -n "${COMPARE_PID[${pair%%=*}]}" ] || { echo "nothing listens on ${pair#*=}"; exit 1; }
done
for url in "$DIRECT$ROUTE" "$NGINX_URL$ROUTE" "$GATEWAY$ROUTE" $(for pair in $COMPARE; do echo "${pair#*=}$ROUTE"; done); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" || { echo "$url does not answer 200"; exit 1; }
done

echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores;" \
  "GET $ROUTE, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds; gateway pid $GATEWAY_PID, fmb-service pid $FMB_PID," \
  "nginx $("$NGINX" -v 2>&1 | cut -d/ -f2) pids $NGINX_PIDS"
short_warmup=$(( ${WARMUP%s} / 3 ))s
echo "== warm-up: $WARMUP through the gateway with a token, $short_warmup without, through nginx and direct"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$GATEWAY$ROUTE" > /dev/null
for pair in $COMPARE; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "${pair#*=}$ROUTE" > /dev/null
done
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$GATEWAY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$NGINX_URL$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$DIRECT$ROUTE" > /dev/null

measurement_heading
for round in $(seq 1 "$ROUNDS"); do
  measure direct "$DIRECT$ROUTE" ""
  measure nginx "$NGINX_URL$ROUTE" "$NGINX_PIDS"
  measure gateway "$GATEWAY$ROUTE" "$GATEWAY_PID"
  measure gateway+token "$GATEWAY$ROUTE" "$GATEWAY_PID" -H "Authorization: Bearer $TOKEN"
  for pair in $COMPARE; do
    measure "${pair%%=*}+token" "${pair#*=}$ROUTE" "${COMPARE_PID[${pair%%=*}]}" -H "Authorization: Bearer $TOKEN"
  done
done
summarise
