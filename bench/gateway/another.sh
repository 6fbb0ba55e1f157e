#!/usr/bin/env bash
# Starts another gateway beside a running suite (./run-suite.sh), in front of the same services and accepting the same
# tokens (the suite's issuer key store under .data/issuer), so that run.sh can measure two builds or two sets of JVM
# options side by side in one run (its COMPARE variable). Rate limits raised as run.sh needs them.
#
#   bench/gateway/another.sh JAR PORT [java options...]     prints the pid; stop it with kill <pid> when done
#
# e.g. the gateway before a change and the suite's own JVM options:
#   git worktree add /tmp/gateway-before <commit> && (cd /tmp/gateway-before && ./mvnw -q -pl gateway -am -DskipTests package)
#   bench/gateway/another.sh /tmp/gateway-before/gateway/target/gateway.jar 18090 -XX:+UseSerialGC
#   COMPARE="before=http://localhost:18090" bench/gateway/run.sh
#
#   SUITE_PORT_BASE  the suite's gateway port, services on the next four (default 8080)
#   SUITE_DATA_DIR   default .data
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,14p "$0"; exit 1; }
jar=$1 port=$2; shift 2
cd "$(dirname "$0")/../.."
base=${SUITE_PORT_BASE:-8080}
data=${SUITE_DATA_DIR:-.data}
[ -f "$data/issuer/issuer-keys.p12" ] || { echo "no $data/issuer/issuer-keys.p12: start the suite first"; exit 1; }
log=$(mktemp /tmp/gateway-$port.XXXXXX.log)
ISSUER_KEYSTORE=$data/issuer/issuer-keys.p12 ISSUER_KEYSTORE_PASSWORD=$(cat "$data/issuer/issuer-keys.password") \
ISSUER_URI=http://localhost:$base FMB_URL=http://localhost:$((base + 1)) CODESERVER_URL=http://localhost:$((base + 2)) \
HOSP_URL=http://localhost:$((base + 3)) DEATH_CERTIFICATES_URL=http://localhost:$((base + 4)) PORT=$port \
RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 RATE_LIMIT_TOKEN_ENDPOINT_PER_MINUTE=100000 \
  nohup java -Xms64m -Xmx384m -XX:ReservedCodeCacheSize=64m -Xss512k "$@" -jar "$jar" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://localhost:$port/actuator/health/readiness" && { echo "$pid"; exit 0; }
  kill -0 "$pid" 2> /dev/null || { echo "the gateway stopped: $log"; exit 1; }
  sleep 1
done
echo "not ready after 300 s: $log (pid $pid)"; exit 1
