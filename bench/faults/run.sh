#!/usr/bin/env bash
# The fault run: starts the whole suite on a throw-away data folder and its own ports, puts it under load through the
# gateway (certificates over SOAP, each retried on a SOAP fault, a 503, a lost connection or a timeout, as the
# national platform retries; HoSp lookups beside them), and meanwhile kills with kill -9 the death-certificate
# service, then PostgreSQL, then the gateway, each time waiting until the launcher has started it again and every
# service answers ready. Then it prints the counts and checks the promises:
#   every certificate answered OK is stored exactly once; every HoSp answer with data has its audit row;
#   clients saw 502/503 problem+json or SOAP faults (a refused connection while the gateway is dead), never a hang
#   past the timeout.
# Exit status 0 when every promise held. The client is FaultRun (launcher/src/test/java), run from the built jars.
#
#   bench/faults/run.sh
#
# Settings: PORT_BASE (9700), DB_PORT (16700), SOAP_CLIENTS (4), HOSP_CLIENTS (4), FAULTS
# (death-certificate-service,postgres,gateway), WARM_UP (20 s), SETTLE (15 s), TIMEOUT (30 s per call),
# RECOVERY_MINUTES (15: the longest wait for a killed part), DATA (a data folder of an earlier run, kept: its
# reference data is loaded already), HOSP_SYNTHETIC_PERSONS (20000), READY_MINUTES (30: the suite's start on a loaded machine), KEEP (set: keep the data folder with the suite's logs), SUITE_BUILD=always (build).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
PORT_BASE="${PORT_BASE:-9700}"
DB_PORT="${DB_PORT:-16700}"
data="${DATA:-$(mktemp -d /tmp/suite-faults.XXXXXX)}"
suite=""
cleanup() {
  if [[ -n "$suite" ]] && kill -0 "$suite" 2>/dev/null; then
    kill "$suite"            # SIGTERM: the launcher stops every service and PostgreSQL
    wait "$suite" 2>/dev/null || true
  fi
  if [[ -n "${KEEP:-}" || -n "${DATA:-}" ]]; then echo "kept: $data"; else rm -rf "$data"; fi
}
trap cleanup EXIT

if [[ "${SUITE_BUILD:-}" == always || ! -f launcher/target/launcher.jar || ! -d launcher/target/test-classes ]]; then
  ./mvnw -q -DskipTests package
fi

echo "== starting the suite (gateway on $PORT_BASE, PostgreSQL on $DB_PORT, data in $data)"
SUITE_PORT_BASE="$PORT_BASE" SUITE_DB_PORT="$DB_PORT" SUITE_DATA_DIR="$data" \
  HOSP_SYNTHETIC_PERSONS="${HOSP_SYNTHETIC_PERSONS:-20000}" SUITE_READY_TIMEOUT_MINUTES="${READY_MINUTES:-30}" \
  java -jar launcher/target/launcher.jar > "$data/suite.log" 2>&1 &
suite=$!
ready_by=$(( $(date +%s) + ${READY_MINUTES:-30} * 60 ))
while [[ $(date +%s) -lt $ready_by ]]; do
  grep -qs "The suite is ready" "$data/suite.log" && break
  kill -0 "$suite" 2>/dev/null || { cat "$data/suite.log"; echo "the suite did not start"; exit 1; }
  sleep 1
done
grep -q "The suite is ready" "$data/suite.log" || { tail -20 "$data/suite.log"; echo "not ready in ${READY_MINUTES:-30} minutes"; exit 1; }
grep "The suite is ready" "$data/suite.log"

echo "== load and faults"
status=0
java -cp launcher/target/launcher.jar -Dloader.path=launcher/target/test-classes \
  -Dloader.main=org.example.launcher.FaultRun org.springframework.boot.loader.launch.PropertiesLauncher \
  port-base="$PORT_BASE" db-port="$DB_PORT" data="$data" \
  template=bench/death-certificates/register-certificate.template.xml \
  soap-clients="${SOAP_CLIENTS:-4}" hosp-clients="${HOSP_CLIENTS:-4}" \
  faults="${FAULTS:-death-certificate-service,postgres,gateway}" \
  warm-up="${WARM_UP:-20}" settle="${SETTLE:-15}" timeout="${TIMEOUT:-30}" \
  recovery-minutes="${RECOVERY_MINUTES:-15}" || status=$?

echo "== what the launcher said"
grep -E "stopped|Restarting|ready again|NOT ready|PostgreSQL|answer ready" "$data/suite.log" | grep -v "^Starting PostgreSQL" || true
exit "$status"
