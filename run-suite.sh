#!/usr/bin/env bash
# Builds the suite (tests skipped) and starts all of it on an embedded PostgreSQL. Ctrl-C stops everything.
# Needs only a JDK 17+; Maven comes through the wrapper. See README.md for the options.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -DskipTests package
exec java -jar launcher/target/launcher.jar
