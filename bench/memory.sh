#!/usr/bin/env bash
# Proportional set size (PSS: shared pages counted once) of every suite process now running.
total=0
for pid in $(pgrep -f '(target|apps/[a-z0-9-]+)/(gateway|fmb-service|codeserver-service|hosp-service|death-certificate-service|launcher)\.jar') $(pgrep -x postgres); do
  pss=$(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup 2>/dev/null || echo 0)
  name=$(tr '\0' ' ' < /proc/$pid/cmdline | grep -oE '[a-z-]+\.jar|postgres' | head -1)
  printf '%-32s %6d MB\n' "$name ($pid)" $((pss / 1024))
  total=$((total + pss))
done
printf '%-32s %6d MB\n' "total" $((total / 1024))
