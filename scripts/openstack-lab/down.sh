#!/usr/bin/env bash
# Stop exactly what up.sh started: every process group whose pid file up.sh wrote
# (and whose start time still matches), whole process groups. Data stays; pass
# --purge to delete the lab folder too.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"

[ -d "$RUN" ] || { log "no lab at $LAB_DIR"; exit 0; }
# Two waves: API front ends and clients of RabbitMQ first, then RabbitMQ/epmd, so no
# service spends its shutdown reconnecting to a broker that is already gone.
first=(); last=(); others=()
for s in "${ALL_SERVICES[@]}"; do
  case "$s" in rabbitmq|epmd) ;; *) is_running "$s" && first+=("$s") ;; esac
done
for s in rabbitmq epmd; do is_running "$s" && last+=("$s"); done
# Pid files of services no longer in the list (older layouts) go in the first wave too.
for f in "$RUN"/*.pid; do
  [ -e "$f" ] || continue
  s="$(basename "$f" .pid)"
  case " ${ALL_SERVICES[*]} " in *" $s "*) ;; *) others+=("$s") ;; esac
done
[ ${#first[@]} -gt 0 ] && log "stopping ${first[*]} ${others[*]+"${others[*]}"}"
stop "${first[@]+"${first[@]}"}" "${others[@]+"${others[@]}"}"
[ ${#last[@]} -gt 0 ] && log "stopping ${last[*]}"
stop "${last[@]+"${last[@]}"}"
# Anything whose pid file was stale (process already gone) is just forgotten.
rm -f "$RUN"/*.pid
if [ "${1:-}" = --purge ]; then
  case "$LAB_DIR" in /|"") log "refusing to purge '$LAB_DIR'"; exit 1 ;; esac
  rm -rf "$LAB_DIR"; log "purged $LAB_DIR"
fi
log "lab down"
