#!/usr/bin/env bash
# Sustained RIVTA RegisterCertificate intake: full XSD + Schematron + rule validation and one insert per request,
# a new certificate id each time. Prints certificates/s and latency percentiles.
#
#   bench/death-certificates/run.sh                 # starts the service jar on PORT (18084) with its own
#                                                   # embedded PostgreSQL and a self-signed token issuer
#   TARGET=http://localhost:8080 TOKEN_URL=http://localhost:8080/oauth2/token bench/death-certificates/run.sh
#                                                   # against a running suite, through the gateway
#
# Build first: ./mvnw -q -o -pl death-certificate-service package -DskipTests
# Settings: DURATION (60s), CONNECTIONS (8), THREADS (2), PORT (18084), WARMUP (20s), TIMEOUT (10s: wrk's own 2 s
# default drops the slowest answers from the percentiles on a busy machine), JAR (the built jar),
# JAVA_OPTS (the suite's: -Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000), JAVA (java),
# KEEP (set: keep the work folder with the service log and the database)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-60s}"
CONNECTIONS="${CONNECTIONS:-8}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-20s}"
TIMEOUT="${TIMEOUT:-10s}"
PORT="${PORT:-18084}"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}"
JAVA="${JAVA:-java}"
work="$(mktemp -d /tmp/doi-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

if [[ -n "${TARGET:-}" ]]; then
  TOKEN="$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "${TOKEN_URL:-$TARGET/oauth2/token}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
else
  # A throw-away issuer: an RSA key, its JWK set served over HTTP, and a token signed with it.
  issuer_port=$((PORT + 900))
  openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
  modulus="$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2)"
  python3 - "$modulus" "$work/jwks.json" <<'PY'
import base64, json, sys
n = bytes.fromhex(sys.argv[1])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
json.dump({"keys": [{"kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256", "n": b64(n), "e": "AQAB"}]},
          open(sys.argv[2], "w"))
PY
  (cd "$work" && exec python3 -m http.server "$issuer_port" --bind 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
  issuer="http://localhost:$issuer_port"
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header="$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)"
  payload="$(printf '{"iss":"%s","sub":"webcert","client_id":"webcert","scope":"certificates.submit","iat":%d,"exp":%d}' \
    "$issuer" "$now" "$((now + 7200))" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)"
  TOKEN="$header.$payload.$signature"
  jar="${JAR:-$root/death-certificate-service/target/death-certificate-service.jar}"
  [[ -f "$jar" ]] || { echo "build the jar first: ./mvnw -q -o -pl death-certificate-service package -DskipTests"; exit 1; }
  PORT="$PORT" ISSUER_URI="$issuer" JWK_SET_URI="$issuer/jwks.json" EMBEDDED_DB_DIR="${EMBEDDED_DB_DIR:-$work/db}" \
    "$JAVA" $JAVA_OPTS -jar "$jar" > "$work/service.log" 2>&1 & pids+=($!)
  service_pid=$!
  TARGET="http://localhost:$PORT"
  for _ in $(seq 1 180); do
    curl -sf "$TARGET/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "$TARGET/actuator/health/readiness" >/dev/null || { echo "service did not start"; tail -50 "$work/service.log"; exit 1; }
fi
export TOKEN TEMPLATE="$here/register-certificate.template.xml"
echo "warm-up $WARMUP ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$here/register-certificate.lua" "$TARGET" >/dev/null
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency against $TARGET"
# The service's own CPU time per certificate (user + system, from /proc) is the figure that survives a shared machine:
# certificates/s depends on how much of the CPU the other processes leave, CPU per certificate much less.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service_pid/stat"; }
[[ -n "${service_pid:-}" ]] && before=$(cpu_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$here/register-certificate.lua" "$TARGET" | tee "$work/wrk.out"
if [[ -n "${service_pid:-}" ]]; then
  ticks=$(( $(cpu_ticks) - before )); hz=$(getconf CLK_TCK)
  count=$(sed -n 's/^answers not OK: [0-9]* of \([0-9]*\)$/\1/p' "$work/wrk.out")
  awk -v t="$ticks" -v hz="$hz" -v n="$count" \
    'BEGIN { printf "service CPU: %.1f s for %d certificates = %.1f ms per certificate\n", t / hz, n, n ? 1000 * t / hz / n : 0 }'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
