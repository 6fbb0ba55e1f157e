# What the gateway benchmarks share (sourced by run.sh, side-by-side.sh and ceiling.sh, not run by itself): the tools
# they need, nginx as a plain reverse proxy, and one measurement (wrk plus the CPU time of the proxy and of fmb-service).
# The caller sets GATEWAY, DIRECT, CONNECTIONS, DURATION and round, and calls begin_run first.

for tool in wrk nginx curl ss; do
  command -v "$tool" > /dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "$tool is missing: apt-get install -y $([ "$tool" = nginx ] && echo nginx-light || echo "$tool")"; exit 1; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
HZ=$(getconf CLK_TCK)

# the process listening on a URL's port
pid_of() {
  local port=${1##*:}; port=${port%%/*}
  ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
# CPU ticks (user + system) of the given processes
ticks() { local sum=0 pid; for pid in "$@"; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo $sum; }

# begin_run NAME: the pids of the gateway and of fmb-service (GATEWAY_PID, FMB_PID; the suite must be running), a
# temporary folder WORK, and an array pids of the processes the run starts, killed with WORK removed when it exits
begin_run() {
  GATEWAY_PID=$(pid_of "$GATEWAY"); FMB_PID=$(pid_of "$DIRECT")
  [ -n "$GATEWAY_PID" ] && [ -n "$FMB_PID" ] || { echo "nothing listens on $GATEWAY or $DIRECT: start the suite first"; exit 1; }
  WORK=$(mktemp -d "/tmp/$1.XXXXXX")
  pids=()
  trap end_run EXIT
}
end_run() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}

# start_nginx UPSTREAM PORT: nginx as a plain reverse proxy with a keep-alive pool to UPSTREAM (http://host:port), as a
# production configuration would have, run as the current user from $WORK (no root, no system configuration touched);
# sets NGINX_URL and NGINX_PIDS (master and workers)
start_nginx() {
  local upstream=${1#http://} port=$2
  cat > "$WORK/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root root;")
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  upstream fmb { server $upstream; keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://fmb;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
  "$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' &
  local master=$!
  pids+=("$master")
  NGINX_URL=http://127.0.0.1:$port
  for _ in $(seq 1 50); do curl -sf -o /dev/null "$NGINX_URL$ROUTE" && break; sleep 0.1; done
  NGINX_PIDS="$master $(pgrep -P "$master" | tr '\n' ' ')"
}

# measure NAME URL PROXY_PIDS [wrk arguments]: one measurement, a line of $WORK/results (PROXY_PIDS "" for none)
measure() {
  local name=$1 url=$2 proxy=$3; shift 3
  local proxy_before=0 fmb_before out requests
  [ -n "$proxy" ] && proxy_before=$(ticks $proxy)
  fmb_before=$(ticks "$FMB_PID")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  local proxy_ticks=0
  [ -n "$proxy" ] && proxy_ticks=$(( $(ticks $proxy) - proxy_before ))
  local fmb_ticks=$(( $(ticks "$FMB_PID") - fmb_before ))
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  local non2xx; non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$out" | awk -v name="$name" -v round="$round" -v pt="$proxy_ticks" -v ft="$fmb_ticks" -v hz="$HZ" \
    -v n="$requests" -v proxy="$proxy" -v bad="${non2xx:-0}" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END {
      pcpu = proxy == "" ? "-" : sprintf("%.0f", pt / hz / n * 1e6)
      printf "%d\t%s\t%.0f\t%.2f\t%.2f\t%s\t%.0f\t%s\n", round, name, rps, p50, p99, pcpu, ft / hz / n * 1e6, bad
    }' | tee -a "$WORK/results"
}

measurement_heading() {
  printf 'round\ttarget\treq/s\tp50 ms\tp99 ms\tproxy CPU us/req\tfmb CPU us/req\tnon-2xx\n'
}

# every target's throughput as a share of nginx's, per round, and a warning when some answers were not 2xx
summarise() {
  echo "== each proxy's throughput as a share of nginx's, per round (target: at least 70 %)"
  awk -F'\t' '$2 == "nginx" { n[$1] = $3 } $2 != "nginx" && $2 != "direct" { g[$1, $2] = $3; names[$2] = 1 }
    END { for (r in n) for (t in names) printf "round %d: %s %.0f %%\n", r, t, 100 * g[r, t] / n[r] }' \
    "$WORK/results" | sort
  if awk -F'\t' '$8 > 0 { bad = 1 } END { exit !bad }' "$WORK/results"; then
    echo "!! some answers were not 2xx: start the suite with the rate limits raised (see the top of the script)"
  fi
}
