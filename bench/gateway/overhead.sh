#!/usr/bin/env bash
# Gateway overhead: the same trivial, cached endpoint called directly on fmb-service and through the
# gateway, both with a bearer token (validated by the gateway and by the service), in the same run.
# Two loads: 16 connections (the machine saturated: what the gateway costs in throughput) and 1 connection
# (no queueing: the latency one request gains by passing the gateway).
# Needs the suite running with the rate limits raised, e.g.
#   RATE_LIMIT_CLIENT_PER_SECOND=1000000 RATE_LIMIT_ANONYMOUS_PER_SECOND=1000000 ./run-suite.sh
# and wrk (apt-get install wrk). The JVMs compile their hot paths during the warm-up (WARMUP, default 90s).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DIRECT=${DIRECT:-http://localhost:8081}
PATH_UNDER_TEST=${PATH_UNDER_TEST:-/fmb/api/v1/principles}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-90s}
TOKEN=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for target in "$DIRECT" "$GATEWAY"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$target$PATH_UNDER_TEST" || { echo "$target$PATH_UNDER_TEST does not answer 200"; exit 1; }
done
wrk -t2 -c16 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$GATEWAY$PATH_UNDER_TEST" > /dev/null   # warms both
for connections in 16 1; do
  for target in "$DIRECT" "$GATEWAY"; do
    threads=$(( connections < 2 ? 1 : 2 ))
    echo "== $target$PATH_UNDER_TEST (wrk -t$threads -c$connections -d$DURATION)"
    wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$target$PATH_UNDER_TEST" \
      | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors"
  done
done
