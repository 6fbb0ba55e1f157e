#!/usr/bin/env bash
# Time from the README's run command to "ready" (warm Maven cache; a build, when one runs, is included), and the
# suite's memory when ready. Starts the suite on its own ports and data folder, then stops it (not timed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export SUITE_EXIT_WHEN_READY=true SUITE_PORT_BASE=${SUITE_PORT_BASE:-8080}
start=$(date +%s.%N)
./run-suite.sh | while IFS= read -r line; do
  case "$line" in
    *"The suite is ready"*)
      echo "$line"
      printf 'run command to ready: %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)" ;;
    *ready*|*Writing*) echo "$line" ;;
  esac
done
