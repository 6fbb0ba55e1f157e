#!/usr/bin/env bash
# CPU time and heap of FHIR's core code systems and value sets in the code server (CoreDefinitions): the one read of
# the bundle, and the lazy entries of each engine context. Load-independent figures. Usage: bench/codeserver-fhir/core-definitions.sh
# (it compiles, never packages)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cp_file=/tmp/codeserver-core-definitions-bench.classpath
(cd "$root" && ./mvnw -q -pl codeserver-service -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")
java -Xlog:disable -cp "$(cat "$cp_file")" "$here/CoreDefinitionsBench.java" 2>&1 | grep -v ' DEBUG '
