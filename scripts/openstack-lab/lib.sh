# Shared by up.sh, down.sh, status.sh and the service scripts. Sourced, never run.
# shellcheck shell=bash

LAB_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LAB_DIR="${ARCHIPELAGO_LAB_DIR:-/tmp/archipelago-lab}"
RUN="$LAB_DIR/run"
LOGS="$LAB_DIR/logs"
ETC="$LAB_DIR/etc"
DATA="$LAB_DIR/data"
STATE="$LAB_DIR/state"   # one file per service that could not run: state/unavailable/<service>

# python3 on PATH may be a pyenv shim without the Debian OpenStack modules (gotcha 5).
PY=/usr/bin/python3

# One port block, 25000-25099, clear of vite (5173/4173) and the simulator (5300-5400).
PORT_KEYSTONE_A=25000          # Keystone lab-a, uwsgi http
PORT_KEYSTONE_A_UWSGI=25001    # Keystone lab-a, uwsgi protocol socket (Apache federation front)
PORT_KEYSTONE_B=25010          # Keystone lab-b
PORT_GLANCE_A=25020
PORT_GLANCE_B=25021
PORT_GLANCE_A_EDGE=25022       # lab-a's second Glance: the image endpoint of region edge-1
PORT_PLACEMENT=25030
PORT_NOVA=25040
PORT_NOVA_B=25041            # lab-b: Nova API only (keypairs, flavors)
PORT_NEUTRON=25050
PORT_RABBIT=25060
PORT_RABBIT_DIST=25061
PORT_EPMD=25062
PORT_OIDC=25070
PORT_APACHE=25080              # Apache + mod_auth_openidc in front of Keystone lab-a (federation)

HOST=127.0.0.1
ADMIN_PASSWORD="${ARCHIPELAGO_LAB_ADMIN_PASSWORD:-lab-admin-secret}"
DEMO_PASSWORD="${ARCHIPELAGO_LAB_DEMO_PASSWORD:-lab-demo-secret}"
SERVICE_PASSWORD="lab-service-secret"

# The console's origins (vite dev + preview), exactly; no wildcard.
cors_origins() {
  local o="http://127.0.0.1:5173,http://localhost:5173,http://127.0.0.1:4173,http://localhost:4173"
  if [ -n "${ARCHIPELAGO_LAB_EXTRA_ORIGINS:-}" ]; then o="$o,${ARCHIPELAGO_LAB_EXTRA_ORIGINS}"; fi
  echo "$o" | tr -d ' '
}

# The [cors] section, identical for every service except the Authorization header on Keystone.
cors_section() {
  local extra_headers="${1:-}"
  cat <<EOF
[cors]
allowed_origin = $(cors_origins)
allow_credentials = true
expose_headers = X-Subject-Token,X-OpenStack-Request-Id,OpenStack-API-Version,X-OpenStack-Nova-API-Version
allow_headers = X-Auth-Token,Content-Type,OpenStack-API-Version,X-OpenStack-Nova-API-Version${extra_headers}
allow_methods = GET,POST,PUT,PATCH,DELETE,OPTIONS
max_age = 3600
EOF
}

log() { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

mark_unavailable() {  # service reason...
  local svc="$1"; shift
  mkdir -p "$STATE/unavailable"
  printf '%s\n' "$*" >"$STATE/unavailable/$svc"
  log "UNAVAILABLE $svc: $*"
}
clear_unavailable() { rm -f "$STATE/unavailable/$1"; }

# A pid file holds "PID STARTTIME" (field 22 of /proc/PID/stat, clock ticks since boot).
# It is trusted only while that pid is alive with the same start time, so a recycled
# pid is never signalled, whatever the process has renamed itself to (uwsgi does).
proc_start() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }
pid_of() {
  local f="$RUN/$1.pid" pid st
  [ -f "$f" ] || return 1
  read -r pid st <"$f" 2>/dev/null || true
  [ -n "${pid:-}" ] && [ -n "${st:-}" ] && [ -d "/proc/$pid" ] || return 1
  [ "$(proc_start "$pid")" = "$st" ] || return 1
  echo "$pid"
}
is_running() { pid_of "$1" >/dev/null; }

# start NAME CMD... : runs CMD in its own session (so its process group is its pid and
# down.sh can stop every child), logs to logs/NAME.log, records the pid.
start() {
  local name="$1"; shift
  if is_running "$name"; then return 0; fi
  mkdir -p "$RUN" "$LOGS"
  # py/sitecustomize makes every sqlite transaction BEGIN IMMEDIATE (see that file).
  PYTHONPATH="$LAB_SCRIPTS/py/sitecustomize${PYTHONPATH:+:$PYTHONPATH}" \
    setsid "$@" </dev/null >>"$LOGS/$name.log" 2>&1 &
  local pid=$! st="" i
  for i in 1 2 3 4 5 6 7 8 9 10; do st="$(proc_start "$pid")"; [ -n "$st" ] && break; sleep 0.05; done
  echo "$pid $st" >"$RUN/$name.pid"
}

# alive PID: exists and is not a zombie (PID 1 here may be slow to reap orphans).
alive() { local st; st="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)"; [ -n "$st" ] && [ "$st" != Z ]; }

# group_alive PGID: any non-zombie process left in the group (workers outlive parents).
group_alive() {
  local p
  for p in $(ps -eo pid=,pgid= | awk -v g="$1" '$2 == g {print $1}'); do alive "$p" && return 0; done
  return 1
}

# stop NAME...: TERM every named process group at once, wait (bounded, 15 s) until all
# are gone, then KILL what is left. Only groups recorded in our pid files are touched.
stop() {
  local name pid pgids=() deadline=$((SECONDS + 15)) left
  for name in "$@"; do
    if pid="$(pid_of "$name")"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
      pgids+=("$pid")
    fi
  done
  while [ ${#pgids[@]} -gt 0 ] && [ $SECONDS -lt $deadline ]; do
    left=()
    for pid in "${pgids[@]}"; do group_alive "$pid" && left+=("$pid"); done
    pgids=("${left[@]+"${left[@]}"}")
    [ ${#pgids[@]} -gt 0 ] && sleep 0.2
  done
  for pid in "${pgids[@]+"${pgids[@]}"}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  for name in "$@"; do rm -f "$RUN/$name.pid"; done
}

# owns_port NAME PORT: the listener on PORT belongs to NAME's process group (a foreign
# process on our port must not pass for our service).
owns_port() {
  local pgid pid
  pgid="$(pid_of "$1")" || return 1
  for pid in $(ss -ltnpH "sport = :$2" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
    [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pgid" ] && return 0
  done
  return 1
}

# wait_http URL SECONDS [NAME]: any HTTP answer below 500 counts as up; with NAME,
# the answer must come from NAME's own process group.
wait_http() {
  local url="$1" name="${3:-}" code port deadline=$((SECONDS + $2))
  port="$(echo "$url" | sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#')"
  while [ $SECONDS -lt $deadline ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" 2>/dev/null || true)"
    case "$code" in
      2??|3??|4??)
        if [ -z "$name" ] || owns_port "$name" "$port"; then return 0; fi
        log "port $port answers but not from $name: another process holds it"; return 1 ;;
    esac
    if [ -n "$name" ] && ! is_running "$name"; then return 1; fi
    sleep 0.5
  done
  return 1
}

http_up() {  # one try, no wait
  local c; c="$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true)"
  case "$c" in 2??|3??|4??) return 0 ;; esac; return 1
}

# Every sqlite DB in WAL: readers no longer block the writer (gotcha 3).
wal() { for db in "$@"; do [ -f "$db" ] && sqlite3 "$db" 'PRAGMA journal_mode=WAL;' >/dev/null; done; return 0; }

# Every service (lab order; down.sh stops in reverse).
ALL_SERVICES=(epmd rabbitmq keystone-a keystone-b glance-a glance-b glance-a-edge placement neutron
  nova-api nova-conductor nova-scheduler nova-compute-1 nova-compute-2 nova-compute-3 nova-api-b oidc apache)
