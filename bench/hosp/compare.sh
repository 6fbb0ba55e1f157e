#!/usr/bin/env bash
# A/B comparison of two hosp-service jars on a shared, noisy machine: both run at the same time (each with its own
# embedded PostgreSQL on a copy of the loaded register), and the person lookup with audit is measured on A and B in
# alternating rounds, so that the other load on the machine falls on both alike.
# usage: bench/hosp/compare.sh JAR_A JAR_B [rounds=3] [duration=20s] [connections=16]
# needs: a register loaded by bench/hosp/run.sh in $WORK/db (copied to $WORK/db-b for B), wrk, openssl, python3.
# env: WARMUP (30s per service), JAVA_OPTS (the suite's options), LOCK (/tmp/bench.lock: held from the warm-up to the
# last round, not while the services start), PORT_A/PORT_B (18093/18094), JWKS_PORT (18991), A_ENV/B_ENV (extra
# environment for one side, e.g. B_ENV="SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=6").
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR_A=$1
JAR_B=$2
ROUNDS=${3:-3}
DURATION=${4:-20s}
CONNECTIONS=${5:-16}
WORK=${WORK:-/tmp/hosp-bench}
WARMUP=${WARMUP:-30s}
LOCK=${LOCK:-/tmp/bench.lock}
PORT_A=${PORT_A:-18093}
PORT_B=${PORT_B:-18094}
JWKS_PORT=${JWKS_PORT:-18991}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000}
[ -f "$WORK/db/PG_VERSION" ] || { echo "no loaded register in $WORK/db: run bench/hosp/run.sh first"; exit 1; }

python3 bench/hosp/token.py "$WORK"
[ -s "$WORK/ids.txt" ] || java -cp "$JAR_A" -Dloader.main=org.example.hosp.synthetic.SyntheticRegisterGenerator \
  org.springframework.boot.loader.launch.PropertiesLauncher 20000 > "$WORK/ids.txt"
rm -rf "$WORK/db-b" && cp -a "$WORK/db" "$WORK/db-b" && rm -f "$WORK/db-b/postmaster.pid"
python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 --directory "$WORK" >/dev/null 2>&1 &
JWKS_PID=$!
PID_A=
PID_B=
cleanup() {
  for p in $PID_A $PID_B; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  kill "$JWKS_PID" 2>/dev/null || true
}
trap cleanup EXIT

start() { # $1 = jar, $2 = port, $3 = db dir, $4 = log, $5 = extra env
  env PORT="$2" EMBEDDED_DB_DIR="$3" JWK_SET_URI="http://127.0.0.1:$JWKS_PORT/jwks.json" LOGGING_LEVEL_ROOT=WARN $5 \
    java $JAVA_OPTS -jar "$1" > "$4" 2>&1 &
  echo $!
}
PID_A=$(start "$JAR_A" "$PORT_A" "$WORK/db" "$WORK/compare-a.log" "${A_ENV:-}")
PID_B=$(start "$JAR_B" "$PORT_B" "$WORK/db-b" "$WORK/compare-b.log" "${B_ENV:-}")
for port in "$PORT_A" "$PORT_B"; do
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$PID_A" 2>/dev/null && kill -0 "$PID_B" 2>/dev/null || { echo "a service died, see $WORK/compare-*.log"; exit 1; }
    sleep 1
  done
done
echo "== A: $JAR_A ${A_ENV:-} (port $PORT_A)   B: $JAR_B ${B_ENV:-} (port $PORT_B)   JAVA_OPTS: $JAVA_OPTS"

source bench/hosp/cpu.sh
export IDS_FILE="$WORK/ids.txt"
export TOKEN
TOKEN=$(cat "$WORK/token-public.txt")
round() { # $1 = label, $2 = port, $3 = pid, $4 = db dir
  local before after out
  before=$(cpu_seconds "$3" "$4")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/hosp/lookup.lua "http://localhost:$2" | tail -1)
  after=$(cpu_seconds "$3" "$4")
  echo "$1 $out" | awk -v cpu="$(echo "$after - $before" | bc)" -v secs="${DURATION%s}" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    '{rps=$3; printf "%s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  non-2xx %s  %.2f ms CPU/request  load %s\n", $1, rps, $5, $11, $17, 1000*cpu/(rps*secs), load}'
}

: > "$WORK/compare.out"
exec 9>"$LOCK"
flock 9
echo "== warm-up ($WARMUP each), lock held from $(date -u +%H:%M:%S)"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/hosp/lookup.lua "http://localhost:$PORT_A" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/hosp/lookup.lua "http://localhost:$PORT_B" > /dev/null
# statements per request by pg_stat_statements, where the database loads it (bench/hosp/run.sh PG_STATS=1)
sql() { # $1 = db dir, $2 = query
  psql -X -q -A -t -h localhost -p "$(sed -n 4p "$1/postmaster.pid")" -U postgres -d hosp_service -c "$2" 2>/dev/null
}
for db in "$WORK/db" "$WORK/db-b"; do
  sql "$db" "create extension if not exists pg_stat_statements" >/dev/null && sql "$db" "select pg_stat_statements_reset()" >/dev/null || true
done
echo "== $ROUNDS rounds of $DURATION, $CONNECTIONS connections, alternating"
for i in $(seq 1 "$ROUNDS"); do
  round A "$PORT_A" "$PID_A" "$WORK/db" | tee -a "$WORK/compare.out"
  round B "$PORT_B" "$PID_B" "$WORK/db-b" | tee -a "$WORK/compare.out"
done
flock -u 9
echo "== lock released $(date -u +%H:%M:%S)"
for side in A B; do
  db="$WORK/db"; [ "$side" = B ] && db="$WORK/db-b"
  requests=$(grep "^$side " "$WORK/compare.out" | awk -v secs="${DURATION%s}" '{n += $2 * secs} END {printf "%d", n}')
  echo "== $side: $requests requests; statements per request (pg_stat_statements)"
  sql "$db" "select to_char(calls::numeric / $requests, 'FM990.00') || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 100)
      from pg_stat_statements where dbid = (select oid from pg_database where datname = 'hosp_service')
      and calls > $requests / 100 order by calls desc" | sed 's/^/  /' || true
done
echo "== mean over the rounds"
awk '{n[$1]++; rps[$1] += $2; cpu[$1] += $12; p99[$1] += $8} END {for (s in n) printf "%s %8.1f req/s  mean p99 %7.2f ms  %.2f ms CPU/request  (%d rounds)\n", s, rps[s] / n[s], p99[s] / n[s], cpu[s] / n[s], n[s]}' "$WORK/compare.out" | sort
