#!/usr/bin/env bash
# Builds the suite (tests skipped) if any of its files changed since the last build, then starts all of it on an
# embedded PostgreSQL. Ctrl-C stops everything. Needs only a JDK 17+; Maven comes through the wrapper.
# A start with nothing changed skips Maven altogether: the jars stay as they are, so the class archives the
# launcher wrote for them stay valid (see README.md). SUITE_BUILD=always forces the build.
set -euo pipefail
cd "$(dirname "$0")"
stamp=launcher/target/suite-build.stamp
modules=(gateway fmb-service codeserver-service hosp-service death-certificate-service launcher)

needs_build() {
  [ "${SUITE_BUILD:-}" = always ] || [ ! -f "$stamp" ] && return 0
  for module in "${modules[@]}"; do
    [ -f "$module/target/$module.jar" ] || return 0
  done
  # any file of the project newer than the last build (build output, local data and git's own files aside)
  [ -n "$(find . \( -name target -o -name .git -o -name .data -o -name node_modules \) -prune \
      -o -type f -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  started=$(mktemp)
  ./mvnw -q -DskipTests package
  mv "$started" "$stamp"   # the time the build started: a file changed while it ran counts as changed next time
else
  echo "Nothing changed since the last build: starting the built suite (SUITE_BUILD=always rebuilds)."
fi
exec java -jar launcher/target/launcher.jar
