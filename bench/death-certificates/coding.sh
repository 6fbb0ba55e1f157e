#!/usr/bin/env bash
# The coders' figures: ICD-10-SE suggestions for a cause line (through the death-certificate service, which asks the
# real code server over HTTP), and the register export of 100,000 coded certificates generated deterministically.
#
#   bench/death-certificates/coding.sh
#
# Starts the code server jar (CS_PORT 18182, all bundled terminologies imported into its own embedded PostgreSQL) and
# the death-certificate service jar (PORT 18184, its own embedded PostgreSQL on DB_PORT 18185, a throw-away token
# issuer on PORT + 900); choose other ports when a suite or another benchmark uses these.
# Build first: ./mvnw -q -pl codeserver-service,death-certificate-service -am package -DskipTests
# Settings: DURATION (30s), WARMUP (15s), CONNECTIONS (8; the cached run is also made with 1), JAVA_OPTS (the suite's small-service options),
# KEEP (set: keep the work folder with both logs and the export files).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-15s}"
CONNECTIONS="${CONNECTIONS:-8}"
CS_PORT="${CS_PORT:-18182}"
PORT="${PORT:-18184}"
DB_PORT="${DB_PORT:-18185}"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k}"
work="$(mktemp -d /tmp/doi-coding-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
for jar in codeserver-service death-certificate-service; do
  [[ -f "$root/$jar/target/$jar.jar" ]] || { echo "build first: ./mvnw -q -pl codeserver-service,death-certificate-service -am package -DskipTests"; exit 1; }
done

# A throw-away issuer: an RSA key, its JWK set over HTTP, and a coder's token signed with it.
issuer_port=$((PORT + 900))
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus="$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2)"
python3 - "$modulus" "$work/jwks.json" <<'PY'
import base64, json, sys
n = bytes.fromhex(sys.argv[1])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
json.dump({"keys": [{"kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256", "n": b64(n), "e": "AQAB"}]}, open(sys.argv[2], "w"))
PY
(cd "$work" && exec python3 -m http.server "$issuer_port" --bind 127.0.0.1 >/dev/null 2>&1) & pids+=($!)
issuer="http://localhost:$issuer_port"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header="$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)"
payload="$(printf '{"iss":"%s","aud":"death-certificates","sub":"bench-coder","client_id":"bench-coder","scope":"certificates.read certificates.code","iat":%d,"exp":%d}' \
  "$issuer" "$now" "$((now + 7200))" | b64url)"
signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)"
TOKEN="$header.$payload.$signature"

PORT=$CS_PORT EMBEDDED_DB_DIR="$work/cs-db" java $JAVA_OPTS -Xmx768m -jar "$root/codeserver-service/target/codeserver-service.jar" \
  > "$work/codeserver.log" 2>&1 & pids+=($!)
codeserver_pid=$!
PORT=$PORT ISSUER_URI="$issuer" JWK_SET_URI="$issuer/jwks.json" CODESERVER_URL="http://localhost:$CS_PORT" \
  EMBEDDED_DB_DIR="$work/dc-db" SUITE_EMBEDDED_DATABASE_PORT=$DB_PORT \
  java $JAVA_OPTS -jar "$root/death-certificate-service/target/death-certificate-service.jar" > "$work/service.log" 2>&1 & pids+=($!)
service_pid=$!
wait_ready() {
  for _ in $(seq 1 600); do
    curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "port $1 did not become ready"; tail -30 "$work"/*.log; exit 1
}
wait_ready $PORT
wait_ready $CS_PORT
echo "both services ready; load average $(cut -d' ' -f1-3 /proc/loadavg)"
TARGET="http://localhost:$PORT"

# CPU time (user + system, from /proc) of a process in clock ticks: the per-request cost that depends little on what
# else runs on the machine
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The JIT's warm-up, as for every other figure: 300 uncached suggestions of texts that are not measured below (each
# cause text joined with the next one, "Hjärtsvikt, kronisk hjärtsvikt"), so the measured texts stay uncached
mapfile -t texts < <(grep -v '^$' "$here/cause-texts.txt")
for date in 2020-06-01 2021-06-01 2022-06-01; do
  for i in "${!texts[@]}"; do
    curl -s -o /dev/null -G -H "Authorization: Bearer $TOKEN" \
      --data-urlencode "text=${texts[$i]}, ${texts[$(( (i + 1) % ${#texts[@]} ))],,}" --data-urlencode "date=$date" \
      "$TARGET/death-certificates/api/v1/coding/suggestions"
  done
done
echo "--- suggestions, first request per text and version (nothing cached), after the JIT's warm-up on 300 other texts:"
echo "    100 cause texts x 3 ICD-10-SE versions"
: > "$work/cold.txt"
# the code server's count of answered JSON API requests (its Prometheus metrics)
codeserver_calls() {
  curl -s "http://localhost:$CS_PORT/actuator/prometheus" \
    | awk '/^http_server_requests_seconds_count/ && /uri="\/codes\/api\/v1\/code-systems/ { n += $NF } END { printf "%d", n }'
}
calls_before=$(codeserver_calls)
service_before=$(cpu_ticks $service_pid) codeserver_before=$(cpu_ticks $codeserver_pid)
for date in 2020-06-01 2021-06-01 2022-06-01; do
  while IFS= read -r text; do
    [[ -n "$text" ]] || continue
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -G -H "Authorization: Bearer $TOKEN" \
      --data-urlencode "text=$text" --data-urlencode "date=$date" "$TARGET/death-certificates/api/v1/coding/suggestions" >> "$work/cold.txt"
  done < "$here/cause-texts.txt"
done
python3 - "$work/cold.txt" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
ms = sorted(float(t) * 1000 for _, t in rows)
bad = sum(1 for code, _ in rows if code != "200")
pct = lambda p: ms[min(len(ms) - 1, int(round(p / 100 * len(ms) + 0.5)) - 1)]
print(f"suggestions uncached: {len(ms)} requests one at a time, p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, "
      f"max {ms[-1]:.1f} ms, not 200: {bad}")
PY
requests=$(wc -l < "$work/cold.txt")
awk -v s=$(( $(cpu_ticks $service_pid) - service_before )) -v c=$(( $(cpu_ticks $codeserver_pid) - codeserver_before )) \
  -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "CPU per uncached suggestion: death-certificate service %.1f ms, code server %.1f ms\n", 1000 * s / hz / n, 1000 * c / hz / n }'
calls_after=$(codeserver_calls)
echo "calls to the code server: $((calls_after - calls_before)) for $requests suggestions (searches and look-ups, from its metrics)"
export TOKEN TEXTS="$here/cause-texts.txt"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$here/suggestions.lua" "$TARGET" > /dev/null
for connections in 1 "$CONNECTIONS"; do
  echo "--- suggestions, texts cached by the pass above: wrk -t1 -c$connections -d$DURATION (after a $WARMUP warm-up)"
  wrk -t1 -c"$connections" -d"$DURATION" -s "$here/suggestions.lua" "$TARGET" | grep "suggestions under load"
done

echo "--- register export: generating 100,000 coded certificates (deaths in 2025) in the service's database"
# the embedded PostgreSQL logs everyone in with a password (SCRAM): the superuser's is kept beside its data
export PGPASSWORD="${PGPASSWORD:-$(sed -n 's/^postgres=//p' "$work/postgres-passwords.properties")}"
start=$(date +%s.%N)
psql -q -h localhost -p $DB_PORT -U postgres -d death_certificate_service -f "$here/generate-coded.sql"
echo "generated in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$service_pid/status"; }
export_once() { # format, output file
  local samples="$work/rss-$1.txt" start end sampler
  rss > "$samples"
  ( while sleep 0.2; do rss >> "$samples"; done ) & sampler=$!
  start=$(date +%s.%N)
  curl -s -D "$work/headers-$1.txt" -o "$2" -H "Authorization: Bearer $TOKEN" "$TARGET/death-certificates/api/v1/export?year=2025&format=$1"
  end=$(date +%s.%N)
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  local count sha actual
  count=$(tr -d '\r' < "$work/headers-$1.txt" | awk -F': ' 'tolower($1) == "x-export-count" {print $2}')
  sha=$(tr -d '\r' < "$work/headers-$1.txt" | awk -F': ' 'tolower($1) == "x-export-sha256" {print $2}')
  actual=$(sha256sum "$2" | cut -d' ' -f1)
  echo "$1: $(echo "$end - $start" | bc | cut -c1-5) s, $(stat -c %s "$2") bytes, count $count, checksum $([[ "$sha" == "$actual" ]] && echo matches || echo DIFFERS), service RSS $(sort -n "$samples" | head -1)–$(sort -n "$samples" | tail -1) MB over $(wc -l < "$samples") samples"
}
export_once csv "$work/export-1.csv"
export_once csv "$work/export-2.csv"
cmp -s "$work/export-1.csv" "$work/export-2.csv" && echo "csv: the second export has the same bytes" || echo "csv: the second export DIFFERS"
export_once jsonl "$work/export-1.jsonl"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
