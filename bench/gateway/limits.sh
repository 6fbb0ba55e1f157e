#!/usr/bin/env bash
# What the shared rate limits add per request: one gateway (gateway/target/gateway.jar, its database on its own
# embedded PostgreSQL) in front of a small stub service, started three times with the same budgets, large enough that
# nothing is refused, and differing only in how often a replica brings its view of a bucket in line with PostgreSQL:
#   local   - practically never (one round trip when the bucket is first used): what an in-memory bucket costs
#   shared  - the default: every 20 requests or 200 ms (gateway.limits.synchronization)
#   exact   - every request (max-unsynchronized-requests=0): one database round trip per request
# Each is measured with a client token (the per-client budget) at 1 connection (latency with no queueing) and at 16.
# The added latency of the shared limits is shared minus local at p50 and p99.
# usage: bench/gateway/limits.sh   (env: WARMUP=30s DURATION=20s PORT=8097 STUB_PORT=8098; needs wrk, python3, keytool)
set -euo pipefail
cd "$(dirname "$0")/../.."
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
PORT=${PORT:-8097}
STUB_PORT=${STUB_PORT:-8098}
WORK=$(mktemp -d)
JAVA_OPTS="-Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k"
[ -f gateway/target/gateway.jar ] || { echo "build first: ./mvnw -q -pl gateway -am -DskipTests package"; exit 1; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# the issuer's key store, as an operator makes one (docs/deployment.md)
keytool -genkeypair -alias bench -keyalg RSA -keysize 2048 -dname CN=bench -validity 2 -storetype PKCS12 \
  -keystore "$WORK/issuer.p12" -storepass bench-password > /dev/null 2>&1

# the service behind the gateway: a constant small JSON answer
cat > "$WORK/stub.py" <<'PY'
import http.server, sys
class Stub(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # head and body are two writes: without this, each answer waits 40 ms for an ACK
    def do_GET(self):
        body = b'{"principles":"stub"}'
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Stub).serve_forever()
PY
python3 "$WORK/stub.py" "$STUB_PORT" & pids+=($!)

measure() {
  local name=$1; shift
  env PORT="$PORT" FMB_URL="http://127.0.0.1:$STUB_PORT" ISSUER_URI="http://localhost:$PORT" \
      ISSUER_KEYSTORE="$WORK/issuer.p12" ISSUER_KEYSTORE_PASSWORD=bench-password \
      RATE_LIMIT_CLIENT_PER_SECOND=100000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=100000000 \
      java $JAVA_OPTS -jar gateway/target/gateway.jar "$@" > "$WORK/gateway-$name.log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "the gateway ($name) died:"; tail -30 "$WORK/gateway-$name.log"; exit 1; }
    sleep 1
  done
  local token url
  token=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "http://localhost:$PORT/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  url="http://localhost:$PORT/fmb/api/v1/principles"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url" || { echo "$url does not answer 200"; exit 1; }
  wrk -t2 -c16 -d"$WARMUP" -H "Authorization: Bearer $token" "$url" > /dev/null
  for connections in 1 16; do
    threads=$(( connections < 2 ? 1 : 2 ))
    echo "== $name: wrk -t$threads -c$connections -d$DURATION $url"
    wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url" \
      | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure local --gateway.limits.synchronization.max-unsynchronized-requests=1000000000 \
  --gateway.limits.synchronization.max-unsynchronized-time=1h
measure shared
measure exact --gateway.limits.synchronization.max-unsynchronized-requests=0
