#!/usr/bin/env bash
# The ceiling of a JVM gateway on this machine (issue 16): two bare JVM proxies with no Spring and no security
# (bench/gateway/ceiling: embedded Tomcat + Apache HttpClient 5 classic with a pooled keep-alive connection manager, and
# Reactor Netty's HttpServer + HttpClient), each passing method, path, query, headers and body on to fmb-service and
# streaming the answer back, measured in the same rounds as fmb-service direct, nginx as a plain reverse proxy and the
# suite's gateway (without and with a bearer token). wrk -t2 -c16 after a warm-up; req/s, p50, p99 and the CPU time per
# request of each proxy (its JVM, or nginx's master and workers, from /proc/<pid>/stat before and after) and of
# fmb-service. ROUNDS rounds, alternating, so that other load on the machine falls on every target alike.
#
# Needs:
#   - the proxies built:  ./mvnw -q -Pgateway-ceiling -pl bench/gateway/ceiling -DskipTests package
#   - a running suite with the rate limits raised (or most answers are the gateway's 429):
#       RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 \
#         RATE_LIMIT_TOKEN_ENDPOINT_PER_MINUTE=100000 ./run-suite.sh
#   - wrk and nginx (Debian: apt-get install wrk nginx-light)
# The script starts both proxies and nginx, and stops them at the end.
#
#   GATEWAY       the suite's gateway (default http://localhost:8080)
#   DIRECT        fmb-service itself (default: the gateway's port + 1)
#   ROUTE         default /fmb/api/v1/diagnoses/by-code/F321
#   TOMCAT_PORT   default 18470
#   NETTY_PORT    default 18471
#   NGINX_PORT    default 18480
#   JAVA_OPTIONS  the proxies' JVM options (default: those the launcher gives the gateway, SuiteLauncher.jvmOptions)
#   WARMUP        warm-up of each JVM proxy, before anything is measured (default 90s; the gateway with a token);
#                 then a third of it for the gateway without a token, for nginx and direct
#   DURATION      each measurement (default 30s)
#   ROUNDS        default 2
#   CONNECTIONS   default 16
set -euo pipefail
cd "$(dirname "$0")/../.."
GATEWAY=${GATEWAY:-http://localhost:8080}
gateway_port=${GATEWAY##*:}; gateway_port=${gateway_port%%/*}
DIRECT=${DIRECT:-http://localhost:$((gateway_port + 1))}
ROUTE=${ROUTE:-/fmb/api/v1/diagnoses/by-code/F321}
TOMCAT_PORT=${TOMCAT_PORT:-18470}
NETTY_PORT=${NETTY_PORT:-18471}
NGINX_PORT=${NGINX_PORT:-18480}
JAVA_OPTIONS=${JAVA_OPTIONS:-"-Xms64m -Xmx384m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -Xss512k
  -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000
  -XX:Tier4BackEdgeThreshold=400000"}
WARMUP=${WARMUP:-90s}
DURATION=${DURATION:-30s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-16}
CEILING_JAR=bench/gateway/ceiling/target/gateway-ceiling.jar
. bench/gateway/proxies.sh
[ -f "$CEILING_JAR" ] || {
  echo "build the proxies first: ./mvnw -q -Pgateway-ceiling -pl bench/gateway/ceiling -DskipTests package"; exit 1; }

begin_run gateway-ceiling

# start_proxy NAME CLASS PORT: one of the bare proxies in front of fmb-service; sets PROXY_PID
start_proxy() {
  local name=$1 class=$2 port=$3
  # shellcheck disable=SC2086
  env PORT="$port" UPSTREAM="$DIRECT" java $JAVA_OPTIONS -cp "$CEILING_JAR" "$class" > "$WORK/$name.log" 2>&1 &
  PROXY_PID=$!; pids+=("$PROXY_PID")
  until curl -sf -o /dev/null "http://127.0.0.1:$port$ROUTE"; do
    kill -0 "$PROXY_PID" 2>/dev/null || { echo "$name died:"; tail -30 "$WORK/$name.log"; exit 1; }
    sleep 0.5
  done
}
start_proxy tomcat org.example.ceiling.TomcatProxy "$TOMCAT_PORT"; TOMCAT_PID=$PROXY_PID
start_proxy netty org.example.ceiling.NettyProxy "$NETTY_PORT"; NETTY_PID=$PROXY_PID
TOMCAT=http://127.0.0.1:$TOMCAT_PORT
NETTY=http://127.0.0.1:$NETTY_PORT
start_nginx "$DIRECT" "$NGINX_PORT"

TOKEN=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
# every target answers the same body, or its figure means nothing
expected=$(curl -sf "$DIRECT$ROUTE" | sha256sum)
for url in "$NGINX_URL$ROUTE" "$TOMCAT$ROUTE" "$NETTY$ROUTE" "$GATEWAY$ROUTE"; do
  [ "$(curl -sf -H "Authorization: Bearer $TOKEN" "$url" | sha256sum)" = "$expected" ] ||
    { echo "$url does not answer 200 with fmb-service's body"; exit 1; }
done

echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores;" \
  "GET $ROUTE, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds; gateway pid $GATEWAY_PID, tomcat proxy pid $TOMCAT_PID," \
  "netty proxy pid $NETTY_PID, fmb-service pid $FMB_PID, nginx $("$NGINX" -v 2>&1 | cut -d/ -f2) pids $NGINX_PIDS;" \
  "commit $(git rev-parse --short HEAD)"
short_warmup=$(( ${WARMUP%s} / 3 ))s
echo "== warm-up: $WARMUP through each bare proxy and through the gateway with a token; $short_warmup through the gateway" \
  "without, through nginx and direct"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$TOMCAT$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$NETTY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$GATEWAY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$GATEWAY$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$NGINX_URL$ROUTE" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$short_warmup" "$DIRECT$ROUTE" > /dev/null

measurement_heading
for round in $(seq 1 "$ROUNDS"); do
  measure direct "$DIRECT$ROUTE" ""
  measure nginx "$NGINX_URL$ROUTE" "$NGINX_PIDS"
  measure tomcat-proxy "$TOMCAT$ROUTE" "$TOMCAT_PID"
  measure netty-proxy "$NETTY$ROUTE" "$NETTY_PID"
  measure gateway "$GATEWAY$ROUTE" "$GATEWAY_PID"
  measure gateway+token "$GATEWAY$ROUTE" "$GATEWAY_PID" -H "Authorization: Bearer $TOKEN"
done
summarise
