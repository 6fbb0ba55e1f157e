#!/usr/bin/env bash
# Every load figure of docs/benchmarks.md, through the gateway of a running suite (./run-suite.sh), with
# real tokens from the gateway's issuer. wrk 2 threads, 16 connections, DURATION each after a warm-up of WARMUP
# (the JVMs compile their hot paths during it: on 2 cores this takes a minute or more per endpoint).
# Start the suite with the rate limits raised, or most answers are the gateway's 429:
#   RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 ./run-suite.sh
# Needs wrk and psql (Debian: apt-get install wrk postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
GW=${GATEWAY:-http://localhost:8080}
CODESERVER=${CODESERVER:-http://localhost:8082}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
DB_PORT=${SUITE_DB_PORT:-15432}
# the embedded PostgreSQL logs everyone in with a password (SCRAM): psql takes the superuser's from the kept data
PASSWORDS=${SUITE_DATA_DIR:-.data}/postgres-passwords.properties
[ -z "${PGPASSWORD:-}" ] && [ -r "$PASSWORDS" ] && export PGPASSWORD=$(sed -n 's/^postgres=//p' "$PASSWORDS")
token() { curl -s -u "$1:$1-secret" -d grant_type=client_credentials "$GW/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
measure() { # name, then wrk arguments
  local name=$1; shift
  wrk -t2 -c"${CONNECTIONS:-16}" -d"$WARMUP" "$@" >/dev/null 2>&1 || true
  echo "== $name"
  wrk -t2 -c"${CONNECTIONS:-16}" -d"$DURATION" --latency "$@" | grep -E "Requests/sec|  50%|  90%|  99%|Non-2xx|Socket errors|^latency p50|^certificates|^p50|^answers not OK|^requests/s" | sed 's/^/   /'
}
WEBCERT=$(token webcert)
REGION=$(token region-skane)
# the issuer's tokens live 15 minutes: take fresh ones per part

echo "### Gateway overhead (trivial cached endpoint, with token)"
DURATION=$DURATION WARMUP=90s bench/gateway/overhead.sh

echo "### FMB"
export BENCH_DIR=bench/fmb
measure "FMB diagnosis by code (random codes)" -s bench/fmb/by-code.lua "$GW"
TOKEN=$(token webcert) measure "FMB sick-leave check" -s bench/fmb/sick-leave.lua "$GW"
for c in forsakringsmedicinskdiagnosinformation typfall; do
  for i in 1 2 3; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$GW/fmb/$c"; done
  printf '   %s full collection, gzip: ' "$c"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total}s total, %{size_download} bytes, ' "$GW/fmb/$c"
  curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$GW/fmb/$c" | { grep -i '^content-encoding' || echo 'NOT COMPRESSED'; } | tr -d '\r'
done

echo "### Code server"
measure "JSON lookup, random ICD-10-SE codes" -s bench/codeserver/lookup.lua "$GW"
measure "JSON search, every query different" -s bench/codeserver/search.lua "$GW"
if [ -d bench/codeserver-fhir ]; then
  for operation in lookup validate expand; do
    BENCH_DIR=bench/codeserver-fhir measure "FHIR \$$operation (through the gateway)" -s "bench/codeserver-fhir/$operation.lua" "$GW"
    BENCH_DIR=bench/codeserver-fhir measure "FHIR \$$operation (direct, $CODESERVER)" -s "bench/codeserver-fhir/$operation.lua" "$CODESERVER"
  done
fi

echo "### HoSp"
psql -qtA -h localhost -p "$DB_PORT" -U postgres hosp_service \
  -c "select identity_number from person where not protected_identity order by random() limit 20000" > /tmp/hosp-ids.txt
echo "   persons in the register: $(psql -qtA -h localhost -p "$DB_PORT" -U postgres hosp_service -c 'select count(*) from person')"
# the lookup's figures come from lookup.lua's own summary line; a longer warm-up (HOSP_WARMUP), then 8 and 16 connections
export IDS_FILE=/tmp/hosp-ids.txt
TOKEN=$(token region-skane) WARMUP=${HOSP_WARMUP:-120s} CONNECTIONS=8 \
  measure "HoSp person lookup with audit (8 connections)" -s bench/hosp/lookup.lua "$GW"
TOKEN=$(token region-skane) WARMUP=5s \
  measure "HoSp person lookup with audit (16 connections)" -s bench/hosp/lookup.lua "$GW"
# the same lookup without the audit write, through a second gateway to a second HoSp with its audit off
WARMUP=${HOSP_WARMUP:-120s} DURATION=$DURATION bench/hosp/no-audit-gateway.sh
IDS_FILE=/tmp/hosp-ids.txt TOKEN=$(token region-skane) wrk -t1 -c1 -d"$DURATION" --latency -s bench/hosp/bulk.lua "$GW" \
  | grep -E "Requests/sec|  50%|  90%|  99%|Non-2xx" | sed 's/^/   bulk 1,000 pairs (1 connection): /'

echo "### Cause-of-death certificates"
TOKEN=$(token webcert) TEMPLATE=bench/death-certificates/register-certificate.template.xml \
  measure "SOAP RegisterCertificate, new certificate each request" -s bench/death-certificates/register-certificate.lua "$GW"

echo "### Memory of the suite"
bench/memory.sh
