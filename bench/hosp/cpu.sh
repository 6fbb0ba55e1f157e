# Sourced by run.sh and compare.sh.
# cpu_seconds JVM_PID DB_DIR: CPU seconds used so far by a service's JVM and its embedded PostgreSQL (postmaster and
# its backends), a load-independent figure on a shared machine.
cpu_seconds() {
  local postmaster; postmaster=$(head -1 "$2/postmaster.pid" 2>/dev/null || true)
  local pids="$1 $postmaster" frontier="$1 $postmaster" next
  while [ -n "$frontier" ]; do
    next=$(for p in $frontier; do ps -o pid= --ppid "$p"; done | tr -s ' \n' ' ')
    pids="$pids $next"; frontier=$(echo $next)
  done
  local ticks=0
  for p in $pids; do
    [ -r "/proc/$p/stat" ] && ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
  done
  echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.2f", $1 / $2}'
}
