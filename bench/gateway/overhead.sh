#!/usr/bin/env bash
# Gateway overhead: the same trivial, cached endpoint called directly on fmb-service and through the
# gateway, both with a bearer token (validated by the gateway and by the service), in the same run.
# Needs the suite running (./run-suite.sh) and wrk (apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DIRECT=${DIRECT:-http://localhost:8081}
PATH_UNDER_TEST=${PATH_UNDER_TEST:-/fmb/api/v1/principles}
DURATION=${DURATION:-30s}
TOKEN=$(curl -s -u webcert:webcert-secret -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
for target in "$DIRECT" "$GATEWAY"; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$target$PATH_UNDER_TEST" || { echo "$target$PATH_UNDER_TEST does not answer 200"; exit 1; }
  wrk -t2 -c16 -d10s -H "Authorization: Bearer $TOKEN" "$target$PATH_UNDER_TEST" > /dev/null   # warm-up
done
for target in "$DIRECT" "$GATEWAY"; do
  echo "== $target$PATH_UNDER_TEST (wrk -t2 -c16 -d$DURATION)"
  wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$target$PATH_UNDER_TEST" \
    | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors"
done
