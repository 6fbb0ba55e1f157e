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
# folder with a configuration this script writes (no root, no system configuration touched), and is stopped at the end.
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

for tool in wrk nginx curl ss; do
  command -v "$tool" > /dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "$tool is missing: apt-get install -y $([ "$tool" = nginx ] && echo nginx-light || echo "$tool")"; exit 1; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# the process listening on a URL's port
pid_of() {
  local port=${1##*:}; port=${port%%/*}
  ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
# CPU ticks (user + system) of the given processes
ticks() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $sum; }

GATEWAY_PID=$(pid_of "$GATEWAY"); FMB_PID=$(pid_of "$DIRECT")
[ -n "$GATEWAY_PID" ] && [ -n "$FMB_PID" ] || { echo "nothing listens on $GATEWAY or $DIRECT: start the suite first"; exit 1; }

# nginx as a plain reverse proxy with a keep-alive pool to fmb-service, as a production configuration would have
NGINX_DIR=$(mktemp -d /tmp/gateway-bench-nginx.XXXXXX)
upstream=${DIRECT#http://}
cat > "$NGINX_DIR/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo "user root root;")
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  upstream fmb { server $upstream; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://fmb;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
EOF
"$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' &
NGINX_MASTER=$!
trap 'kill $NGINX_MASTER 2>/dev/null || true; wait $NGINX_MASTER 2>/dev/null || true; rm -rf "$NGINX_DIR"' EXIT
NGINX_URL=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 1 50); do curl -sf -o /dev/null "$NGINX_URL$ROUTE" && break; sleep 0.1; done
NGINX_PIDS="$NGINX_MASTER $(pgrep -P "$NGINX_MASTER" | tr '\n' ' ')"

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

HZ=$(getconf CLK_TCK)
RESULTS=$NGINX_DIR/results
# name, URL, proxy pids ("" for none), extra wrk arguments
measure() {
  local name=$1 url=$2 proxy=$3; shift 3
  local proxy_before=0 fmb_before out requests
  [ -n "$proxy" ] && proxy_before=$(ticks $proxy)
  fmb_before=$(ticks "$FMB_PID")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  local proxy_ticks=0
  [ -n "$proxy" ] && proxy_ticks=$(( $(ticks $proxy) - proxy_before ))
  local fmb_ticks=$(( $(ticks "$FMB_PID") - fmb_before ))
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$out" | awk -v name="$name" -v round="$round" -v pt="$proxy_ticks" -v ft="$fmb_ticks" -v hz="$HZ" \
    -v n="$requests" -v proxy="$proxy" -v bad="${non2xx:-0}" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END {
      pcpu = proxy == "" ? "-" : sprintf("%.0f", pt / hz / n * 1e6)
      printf "%d\t%s\t%.0f\t%.2f\t%.2f\t%s\t%.0f\t%s\n", round, name, rps, p50, p99, pcpu, ft / hz / n * 1e6, bad
    }' | tee -a "$RESULTS"
}

printf 'round\ttarget\treq/s\tp50 ms\tp99 ms\tproxy CPU us/req\tfmb CPU us/req\tnon-2xx\n'
for round in $(seq 1 "$ROUNDS"); do
  measure direct "$DIRECT$ROUTE" ""
  measure nginx "$NGINX_URL$ROUTE" "$NGINX_PIDS"
  measure gateway "$GATEWAY$ROUTE" "$GATEWAY_PID"
  measure gateway+token "$GATEWAY$ROUTE" "$GATEWAY_PID" -H "Authorization: Bearer $TOKEN"
  for pair in $COMPARE; do
    measure "${pair%%=*}+token" "${pair#*=}$ROUTE" "${COMPARE_PID[${pair%%=*}]}" -H "Authorization: Bearer $TOKEN"
  done
done
echo "== each gateway's throughput as a share of nginx's, per round (target: at least 70 %)"
awk -F'\t' '$2 == "nginx" { n[$1] = $3 } $2 != "nginx" && $2 != "direct" { g[$1, $2] = $3; names[$2] = 1 }
  END { for (r in n) for (t in names) printf "round %d: %s %.0f %%\n", r, t, 100 * g[r, t] / n[r] }' \
  "$RESULTS" | sort
if awk -F'\t' '$8 > 0 { bad = 1 } END { exit !bad }' "$RESULTS"; then
  echo "!! some answers were not 2xx: start the suite with the rate limits raised (see the top of this script)"
fi
