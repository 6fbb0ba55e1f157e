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
# KEEP (set: keep the work folder with the service log and the database), START_TIMEOUT (600 s for the service to
# become ready; a busy machine needs minutes)
#
# More runs in the same start of the service (direct only, not with TARGET), with LoadClient.java (a closed-loop Java
# client: wrk cannot present a client certificate), CONNECTIONS connections, DURATION after WARMUP:
#   MTLS=true  opens the service's mutual-TLS connector (a CA, server and "platform" client certificate made here with
#              openssl) and runs the SOAP intake three times: plain HTTP with the token, mutual TLS without a token,
#              plain HTTP again (the first run also pays for the JIT's warm-up)
#   PDF=true   GET .../certificates/{id}/pdf of a stored certificate, again and again
#   WRK=false  skips the wrk run above
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
  READ_TOKEN="$(curl -s -u cause-of-death-coder:cause-of-death-coder-secret -d grant_type=client_credentials \
    "${TOKEN_URL:-$TARGET/oauth2/token}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
else
  # A throw-away issuer: an RSA key, its JWK set served over HTTP, and a token signed with it (for this service's
  # audience: the service refuses a token meant for another)
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
  payload="$(printf '{"iss":"%s","aud":"death-certificates","sub":"webcert","client_id":"webcert","scope":"certificates.submit certificates.read","iat":%d,"exp":%d}' \
    "$issuer" "$now" "$((now + 7200))" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)"
  TOKEN="$header.$payload.$signature"
  READ_TOKEN="$TOKEN"
  if curl -s -o /dev/null "http://localhost:$PORT/" || { [[ "${MTLS:-}" == true ]] && curl -sk -o /dev/null "https://localhost:$((PORT + 359))/"; }; then
    echo "port $PORT (or $((PORT + 359))) is in use: choose another PORT"; exit 1
  fi
  jar="${JAR:-$root/death-certificate-service/target/death-certificate-service.jar}"
  [[ -f "$jar" ]] || { echo "build the jar first: ./mvnw -q -o -pl death-certificate-service package -DskipTests"; exit 1; }
  mtls_port=$((PORT + 359))
  if [[ "${MTLS:-}" == true ]]; then
    # a local CA, a server certificate for localhost and the platform's client certificate (serialNumber = org. no.)
    (cd "$work" && {
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca-key.pem -out ca.pem -days 2 \
        -subj "/CN=Bench CA" 2>/dev/null
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server-key.pem -out server.csr \
        -subj "/CN=localhost" 2>/dev/null
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out server.pem -days 2 \
        -extfile <(printf 'subjectAltName=DNS:localhost,IP:127.0.0.1') 2>/dev/null
      openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout platform-key.pem -out platform.csr \
        -subj "/serialNumber=5565594230/CN=Bench platform" 2>/dev/null
      openssl x509 -req -in platform.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out platform.pem -days 2 2>/dev/null
    })
    export MTLS_ENABLED=true MTLS_PORT="$mtls_port" \
      SPRING_SSL_BUNDLE_PEM_RIVTA_KEYSTORE_CERTIFICATE="$work/server.pem" \
      SPRING_SSL_BUNDLE_PEM_RIVTA_KEYSTORE_PRIVATEKEY="$work/server-key.pem" \
      SPRING_SSL_BUNDLE_PEM_RIVTA_TRUSTSTORE_CERTIFICATE="$work/ca.pem" \
      MTLS_ALLOWEDSUBJECTS_REGISTERCERTIFICATE=5565594230
  fi
  PORT="$PORT" ISSUER_URI="$issuer" JWK_SET_URI="$issuer/jwks.json" EMBEDDED_DB_DIR="${EMBEDDED_DB_DIR:-$work/db}" \
    "$JAVA" $JAVA_OPTS -jar "$jar" > "$work/service.log" 2>&1 & pids+=($!)
  service_pid=$!
  TARGET="http://localhost:$PORT"
  for _ in $(seq 1 "${START_TIMEOUT:-600}"); do
    curl -sf "$TARGET/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "$TARGET/actuator/health/readiness" >/dev/null || { echo "service did not start"; tail -50 "$work/service.log"; exit 1; }
fi
export TOKEN TEMPLATE="$here/register-certificate.template.xml"
cpu_ticks() { if [[ -n "${service_pid:-}" ]]; then awk '{print $14 + $15}' "/proc/$service_pid/stat"; else echo 0; fi; }
if [[ "${WRK:-}" != false ]]; then
echo "warm-up $WARMUP ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" -s "$here/register-certificate.lua" "$TARGET" >/dev/null
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency against $TARGET"
# The service's own CPU time per certificate (user + system, from /proc) is the figure that survives a shared machine:
# certificates/s depends on how much of the CPU the other processes leave, CPU per certificate much less.
[[ -n "${service_pid:-}" ]] && before=$(cpu_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" --latency -s "$here/register-certificate.lua" "$TARGET" | tee "$work/wrk.out"
if [[ -n "${service_pid:-}" ]]; then
  ticks=$(( $(cpu_ticks) - before )); hz=$(getconf CLK_TCK)
  count=$(sed -n 's/^answers not OK: [0-9]* of \([0-9]*\)$/\1/p' "$work/wrk.out")
  awk -v t="$ticks" -v hz="$hz" -v n="$count" \
    'BEGIN { printf "service CPU: %.1f s for %d certificates = %.1f ms per certificate\n", t / hz, n, n ? 1000 * t / hz / n : 0 }'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

seconds() { local value="${1%s}"; echo "${value%m}"; }
summary="$work/summary.txt"
: > "$summary"
load_client() {
  # the service's CPU time over the whole client run (warm-up included), per request of the measured part;
  # the first argument names the run in the summary printed at the end
  local label="$1"; shift
  local before; before=$(cpu_ticks)
  CONNECTIONS="$CONNECTIONS" DURATION="$(seconds "$DURATION")" WARMUP="$(seconds "$WARMUP")" \
    "$JAVA" "$here/LoadClient.java" "$@" | tee "$work/client.out"
  local ticks=$(( $(cpu_ticks) - before )) hz; hz=$(getconf CLK_TCK)
  local measured warm
  measured=$(sed -n 's/^requests: \([0-9]*\) in.*/\1/p' "$work/client.out")
  warm=$(sed -n 's/^warm-up requests: \([0-9]*\)$/\1/p' "$work/client.out")
  awk -v t="$ticks" -v hz="$hz" -v n="$((measured + warm))" \
    'BEGIN { printf "service CPU: %.1f s for %d requests (warm-up included) = %.1f ms per request\n", t / hz, n, n ? 1000 * t / hz / n : 0 }' \
    | tee "$work/cpu.out"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-34s %s; %s; %s; %s\n' "$label" \
    "$(sed -n 's/^requests: [0-9]* in [0-9.]* s = \(.*\)$/\1/p' "$work/client.out")" \
    "$(sed -n 's/^latency \(p50 [^,]*\), p90 [^,]*, \(p99 [^,]*\),.*/\1, \2/p' "$work/client.out")" \
    "$(sed -n 's/^answers not OK: \(.*\)/not OK \1/p' "$work/client.out")" \
    "$(sed -n 's/.*= \([0-9.]* ms\) per request/service CPU \1 per request (warm-up included)/p' "$work/cpu.out")" >> "$summary"
}
register_path=/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21
if [[ "${MTLS:-}" == true && -z "${service_pid:-}" ]]; then
  echo "MTLS=true needs the service started here (no TARGET)"; exit 1
fi
if [[ "${MTLS:-}" == true ]]; then
  echo "== SOAP intake, plain HTTP with a bearer token (LoadClient) =="
  load_client "SOAP, plain HTTP + token" register "$TARGET$register_path" "$TEMPLATE"
  echo "== SOAP intake, mutual TLS with the platform's client certificate, no token (LoadClient) =="
  TOKEN= CERT="$work/platform.pem" KEY="$work/platform-key.pem" CA="$work/ca.pem" \
    load_client "SOAP, mutual TLS (no token)" register "https://localhost:$mtls_port$register_path" "$TEMPLATE"
  echo "== SOAP intake, plain HTTP with a bearer token again, now that the JIT has seen both (LoadClient) =="
  load_client "SOAP, plain HTTP + token, again" register "$TARGET$register_path" "$TEMPLATE"
fi
if [[ "${PDF:-}" == true ]]; then
  id="bench-pdf-$(date +%s)"
  sed "s/{{ID}}/$id/" "$TEMPLATE" | curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/xml; charset=UTF-8' \
    --data-binary @- "$TARGET$register_path" | grep -q '<resultCode>OK</resultCode>' || { echo "could not store the PDF's certificate"; exit 1; }
  echo "== PDF of one stored certificate, rendered on every request (LoadClient) =="
  TOKEN="$READ_TOKEN" load_client "PDF" get "$TARGET/death-certificates/api/v1/certificates/$id/pdf"
fi
if [[ -s "$summary" ]]; then
  echo "== summary ($CONNECTIONS connections, $DURATION each after $WARMUP warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
  cat "$summary"
fi
