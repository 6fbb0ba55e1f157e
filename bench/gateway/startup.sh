#!/usr/bin/env bash
# Time from the README's run command to "ready" (warm Maven cache), and the suite's memory when ready.
# Starts the suite on its own ports and data folder, then stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export SUITE_EXIT_WHEN_READY=true SUITE_PORT_BASE=${SUITE_PORT_BASE:-8080}
start=$(date +%s.%N)
./run-suite.sh | grep -E "ready|memory"
end=$(date +%s.%N)
printf 'run command to ready: %.1f s (build included)\n' "$(echo "$end - $start" | bc)"
