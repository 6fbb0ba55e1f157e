#!/usr/bin/env bash
# HAPI's validator with this code server as remote terminology service, over N (default 1000) Conditions with random
# ICD-10-SE codes. Usage: bench/codeserver-fhir/validator.sh <base-url of a running code server> [N] [remote-first]
# (remote-first: the remote terminology service before HAPI's in-memory support in the chain)
# e.g. bench/codeserver-fhir/validator.sh http://localhost:18082 1000 (start one with run.sh's way, or the suite)
# (it compiles, never packages: the jar of a server started from this tree is left alone)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:?base url, e.g. http://localhost:18082}"
cp_file=/tmp/codeserver-validator-bench.classpath
(cd "$root" && ./mvnw -q -pl codeserver-service -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")
# the ICD-10-SE codes of the lookup benchmark are one per line
cut -d' ' -f1 "$here/icd-codes.txt" > /tmp/codeserver-validator-bench.codes
java -cp "$(cat "$cp_file")" "$here/ValidatorBench.java" "$base/fhir" "${2:-1000}" /tmp/codeserver-validator-bench.codes ${3:-}
