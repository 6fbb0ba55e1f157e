#!/usr/bin/env bash
# The servlet gateway and the reactive trial (Spring Cloud Gateway on Netty, bench/gateway/reactive) side by side, with
# nginx as a plain reverse proxy and fmb-service itself, in one run on the same route (issue 16): direct, nginx, the
# gateway without and with a bearer token, the reactive trial without and with the same token. wrk -t2 -c16 after a
# warm-up; req/s, p50, p99 and the CPU time per request of the proxy (gateway JVM, trial JVM, or nginx master and
# workers, from /proc/<pid>/stat before and after) and of fmb-service. ROUNDS rounds, alternating, so that other load on
# the machine falls on every target alike.
#
# The trial accepts the suite's tokens (the gateway's /oauth2/jwks and issuer) and applies the suite's access lists,
# request ids, a per-client rate limit (Bucket4j in memory) and the header firewall; see docs/gateway.md.
#
# Needs:
#   - the trial built:  ./mvnw -q -Preactive-trial -pl bench/gateway/reactive -am -DskipTests package
#   - a running suite with the rate limits raised (or most answers are the gateway's 429):
#       RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 \
#         RATE_LIMIT_TOKEN_ENDPOINT_PER_MINUTE=100000 ./run-suite.sh
#   - wrk and nginx (Debian: apt-get install wrk nginx-light). nginx runs as the current user from a temporary folder
#     with the configuration of bench/gateway/proxies.sh (no root, no system configuration touched).
# The script starts the trial (with the JVM options the launcher gives the gateway) and nginx, and stops both at the end.
#
#   GATEWAY     the suite's gateway (default http://localhost:8080); the services are on its next four ports
#   DIRECT      fmb-service itself (default: the gateway's port + 1)
#   ROUTE       default /fmb/api/v1/diagnoses/by-code/F321
#   TRIAL_PORT  default 18490
#   NGINX_PORT  default 18480
#   WARMUP      warm-up of each JVM proxy with a token, before anything is measured (default 90s); then a third of it
#               for each without a token, for nginx and direct
#   DURATION    each measurement (default 30s)
#   ROUNDS      default 2
#   CONNECTIONS default 16
set -euo pipefail
cd "$(dirname "$0")/../.."
GATEWAY=${GATEWAY:-http://localhost:8080}
gateway_port=${GATEWAY##*:}; gateway_port=${gateway_port%%/*}
DIRECT=${DIRECT:-http://localhost:$((gateway_port + 1))}
ROUTE=${ROUTE:-/fmb/api/v1/diagnoses/by-code/F321}
TRIAL_PORT=${TRIAL_PORT:-18490}
NGINX_PORT=${NGINX_PORT:-18480}
WARMUP=${WARMUP:-90s}
DURATION=${DURATION:-30s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
TRIAL_JAR=bench/gateway/reactive/target/reactive-gateway-trial.jar

. bench/gateway/proxies.sh
[ -f "$TRIAL_JAR" ] || { echo "build the trial first: ./mvnw -q -Preactive-trial -pl bench/gateway/reactive -am -DskipTests package"; exit 1; }

begin_run gateway-side-by-side
ISSUER=$(curl -sf "$GATEWAY/.well-known/openid-configuration" | sed -E 's/.*"issuer":"([^"]+)".*/\1/')
[ -n "$ISSUER" ] || { echo "$GATEWAY/.well-known/openid-configuration does not answer"; exit 1; }

# the reactive trial, in front of the suite's services, with the JVM options the launcher gives the gateway
# (SuiteLauncher.jvmOptions, "small")
TRIAL=http://127.0.0.1:$TRIAL_PORT
env PORT="$TRIAL_PORT" ISSUER_URI="$ISSUER" JWK_SET_URI="$GATEWAY/oauth2/jwks" FMB_URL="$DIRECT" \
    CODESERVER_URL="http://localhost:$((gateway_port + 2))" HOSP_URL="http://localhost:$((gateway_port + 3))" \
    DEATH_CERTIFICATES_URL="http://localhost:$((gateway_port + 4))" \
    RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 \
  java -Xms64m -Xmx384m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k \
    -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 \
    -XX:Tier4BackEdgeThreshold=400000 -jar "$TRIAL_JAR" > "$WORK/trial.log" 2>&1 &
TRIAL_PID=$!; pids+=("$TRIAL_PID")
until curl -sf -o /dev/null "$TRIAL/actuator/health/readiness"; do
  kill -0 "$TRIAL_PID" 2>/dev/null || { echo "the trial died:"; tail -30 "$WORK/trial.log"; exit 1; }
  sleep 1
done

start_nginx "$DIRECT" "$NGINX_PORT"

TOKEN=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for url in "$DIRECT$ROUTE" "$NGINX_URL$ROUTE" "$GATEWAY$ROUTE" "$TRIAL$ROUTE"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url" || { echo "$url does not answer 200"; exit 1; }
done
# the trial must refuse what the gateway refuses, or its figure means nothing
for url in "$GATEWAY" "$TRIAL"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$url/hosp/api/v1/changes")
  [ "$status" = 403 ] || { echo "$url/hosp/api/v1/changes with a webcert token answered $status, not 403"; exit 1; }
done

echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores;" \
  "GET $ROUTE, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds; gateway pid $GATEWAY_PID, trial pid $TRIAL_PID," \
  "fmb-service pid $FMB_PID, nginx $("$NGINX" -v 2>&1 | cut -d/ -f2) pids $NGINX_PIDS; commit $(git rev-parse --short HEAD)"
short_warmup=$(( ${WARMUP%s} / 3 ))s
echo "== warm-up: $WARMUP through the gateway and through the trial with a token, $short_warmup each without, through nginx and direct"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$GATEWAY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$TRIAL$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$GATEWAY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$TRIAL$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$NGINX_URL$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$DIRECT$ROUTE" > /dev/null

measurement_heading
for round in $(seq 1 "$ROUNDS"); do
  measure direct "$DIRECT$ROUTE" ""
  measure nginx "$NGINX_URL$ROUTE" "$NGINX_PIDS"
  measure gateway "$GATEWAY$ROUTE" "$GATEWAY_PID"
  measure gateway+token "$GATEWAY$ROUTE" "$GATEWAY_PID" -H "Authorization: Bearer $TOKEN"
  measure reactive "$TRIAL$ROUTE" "$TRIAL_PID"
  measure reactive+token "$TRIAL$ROUTE" "$TRIAL_PID" -H "Authorization: Bearer $TOKEN"
done
summarise
