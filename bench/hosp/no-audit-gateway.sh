#!/usr/bin/env bash
# The person lookup WITHOUT the audit write, through a gateway, for comparison with the audited lookup of the same
# run (bench/suite.sh). The running suite's HoSp always audits, so this starts a second pair next to it and stops it
# afterwards:
#   - hosp-service with the benchmark profile and hosp.audit.enabled=false (the only way the service starts without
#     its audit; it logs a warning), on the suite's own hosp_service database and register;
#   - a gateway in its production form (profile external-issuer) that trusts the suite's issuer and routes /hosp/**
#     to that second HoSp.
# Both get the suite's JVM options. usage: bench/hosp/no-audit-gateway.sh (env: GATEWAY, SUITE_DB_PORT, IDS_FILE,
# CONNECTIONS="8 16", WARMUP, DURATION; ports NOAUDIT_GATEWAY_PORT=8090, NOAUDIT_HOSP_PORT=8093)
set -euo pipefail
cd "$(dirname "$0")/../.."
GW=${GATEWAY:-http://localhost:8080}
DB_PORT=${SUITE_DB_PORT:-15432}
GATEWAY_PORT=${NOAUDIT_GATEWAY_PORT:-8090}
HOSP_PORT=${NOAUDIT_HOSP_PORT:-8093}
WARMUP=${WARMUP:-60s}
DURATION=${DURATION:-30s}
IDS_FILE=${IDS_FILE:-/tmp/hosp-ids.txt}
JAVA_OPTS="-Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
LOGS=${LOGS:-/tmp/hosp-no-audit}
mkdir -p "$LOGS"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

env PORT="$HOSP_PORT" SPRING_PROFILES_ACTIVE=benchmark HOSP_AUDIT_ENABLED=false \
    DB_URL="jdbc:postgresql://localhost:$DB_PORT/hosp_service" DB_USER=postgres DB_PASSWORD= \
    ISSUER_URI="$GW" JWK_SET_URI="$GW/oauth2/jwks" \
    java $JAVA_OPTS -jar hosp-service/target/hosp-service.jar > "$LOGS/hosp-service.log" 2>&1 &
pids+=($!)
env PORT="$GATEWAY_PORT" SPRING_PROFILES_ACTIVE=external-issuer ISSUER_URI="$GW" \
    HOSP_URL="http://localhost:$HOSP_PORT" \
    RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 \
    java $JAVA_OPTS -jar gateway/target/gateway.jar > "$LOGS/gateway.log" 2>&1 &
pids+=($!)
for port in "$HOSP_PORT" "$GATEWAY_PORT"; do
  until curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null; do
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a process of the comparison died; see $LOGS"; exit 1; }; done
    sleep 1
  done
done
grep -q "AUDIT IS OFF" "$LOGS/hosp-service.log" || { echo "the second HoSp did not turn its audit off; see $LOGS"; exit 1; }

TOKEN=$(curl -s -u region-skane:region-skane-secret -d grant_type=client_credentials "$GW/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export TOKEN IDS_FILE
target="http://localhost:$GATEWAY_PORT"
sample=$(head -1 "$IDS_FILE")
audit_rows() {
  psql -qtA -h localhost -p "$DB_PORT" -U postgres hosp_service \
    -c "select count(*) from audit_entry where identity_number = '$sample'"
}
before=$(audit_rows)
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$target/hosp/api/v1/persons/$sample")
[ "$status" = 200 ] && [ "$(audit_rows)" = "$before" ] \
  || { echo "the comparison is not an unaudited lookup (status $status, audit rows $before -> $(audit_rows))"; exit 1; }

wrk -t2 -c16 -d"$WARMUP" -s bench/hosp/lookup.lua "$target" > /dev/null
for connections in ${CONNECTIONS:-8 16}; do
  echo "== HoSp person lookup WITHOUT audit, second gateway ($connections connections)"
  wrk -t2 -c"$connections" -d"$DURATION" --latency -s bench/hosp/lookup.lua "$target" | tail -1 | sed 's/^/   /'
done
