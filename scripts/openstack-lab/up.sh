#!/usr/bin/env bash
# Bring up the Archipelago OpenStack lab on 127.0.0.1: two clouds (lab-a: Keystone with
# RegionOne/RegionTwo/edge-1, a Glance for RegionOne/RegionTwo and one for edge-1,
# Placement, Neutron, Nova; lab-b: Keystone + Glance + Nova API), seeded, described in
# $LAB_DIR/clouds.yaml and $LAB_DIR/lab.json.
#
# Idempotent: with everything up it returns in about a second; a half-up lab is
# repaired (dead services restarted, half-made databases rebuilt). Exit 0 when the
# Keystones of both clouds are up, 1 when nothing usable came up.
#   ARCHIPELAGO_LAB_DIR            state folder (default /tmp/archipelago-lab)
#   ARCHIPELAGO_LAB_EXTRA_ORIGINS  more CORS origins, comma-separated
#   ARCHIPELAGO_LAB_COMPUTES       fake nova-computes (default 3)
#   ARCHIPELAGO_LAB_OIDC=0         skip the OIDC provider + federation front
#   ARCHIPELAGO_LAB_RESEED=1       re-run the seed even when everything is up
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
for f in "$HERE"/services/*.sh; do . "$f"; done

T0=$SECONDS
mkdir -p "$LAB_DIR" "$RUN" "$LOGS" "$ETC" "$DATA" "$STATE/unavailable"
chmod 700 "$LAB_DIR"

KS_A="http://$HOST:$PORT_KEYSTONE_A/v3"
KS_B="http://$HOST:$PORT_KEYSTONE_B/v3"
OIDC_ENABLED="${ARCHIPELAGO_LAB_OIDC:-1}"

# name -> URL whose answer (< 500) means "up"
declare -A HEALTH=(
  [keystone-a]="$KS_A" [keystone-b]="$KS_B"
  [glance-a]="http://$HOST:$PORT_GLANCE_A/" [glance-b]="http://$HOST:$PORT_GLANCE_B/"
  [glance-a-edge]="http://$HOST:$PORT_GLANCE_A_EDGE/"
  [placement]="http://$HOST:$PORT_PLACEMENT/" [neutron]="http://$HOST:$PORT_NEUTRON/"
  [nova-api]="http://$HOST:$PORT_NOVA/" [nova-api-b]="http://$HOST:$PORT_NOVA_B/"
)
[ "$OIDC_ENABLED" = 1 ] && HEALTH[oidc]="http://$HOST:$PORT_OIDC/.well-known/openid-configuration" \
  && HEALTH[apache]="http://$HOST:$PORT_APACHE/v3"

expected_services() {
  echo epmd rabbitmq keystone-a keystone-b glance-a glance-b glance-a-edge placement neutron
  nova_services
  echo nova-api-b
  [ "$OIDC_ENABLED" = 1 ] && echo oidc apache
}

# Fast path: every expected process alive, every health URL answering, lab.json written.
all_up() {
  local s
  for s in $(expected_services); do
    [ -f "$STATE/unavailable/$s" ] && continue
    is_running "$s" || return 1
  done
  for s in "${!HEALTH[@]}"; do
    [ -f "$STATE/unavailable/$s" ] && continue
    http_up "${HEALTH[$s]}" || return 1
  done
  # A seed step that failed last time is retried: that is a half-up lab too.
  [ -f "$LAB_DIR/lab.json" ] && ! grep -q '"service": "seed:' "$LAB_DIR/lab.json"
}
if all_up && [ "${ARCHIPELAGO_LAB_RESEED:-0}" != 1 ]; then
  log "lab already up ($LAB_DIR); $((SECONDS - T0)) s"
  exec "$HERE/status.sh"
fi

# Services recorded unavailable last time get another chance.
rm -f "$STATE/unavailable/"*

"$HERE/install.sh" || { log "install failed"; exit 1; }

# wait_or_retry NAME SECONDS RESTART_FN...: wait for health; if it does not come, restart
# once (a process left hung by a previous run), then give up and record why.
wait_or_retry() {
  local name="$1" secs="$2"; shift 2
  wait_http "${HEALTH[$name]}" "$secs" "$name" && return 0
  log "$name not healthy after $secs s, restarting it once"
  stop "$name"; "$@" >/dev/null 2>&1
  wait_http "${HEALTH[$name]}" "$secs" "$name" && return 0
  mark_unavailable "$name" "no answer from ${HEALTH[$name]} within $((2 * secs)) s; last log lines: $(tail -n 3 "$LOGS/$name.log" 2>/dev/null | tr '\n' ' ' | cut -c1-300)"
  stop "$name"
  return 1
}

# ---- phase 1: RabbitMQ and both Keystones, side by side (db_sync is CPU-bound; 2 cores)
log "phase 1: rabbitmq, keystone-a, keystone-b"
rabbit_up
( keystone_up a "$PORT_KEYSTONE_A" "$PORT_KEYSTONE_A_UWSGI" ) &
KA=$!
( keystone_up b "$PORT_KEYSTONE_B" ) &
KB=$!
wait $KA $KB
wait_or_retry keystone-a 60 keystone_start a "$PORT_KEYSTONE_A" "$PORT_KEYSTONE_A_UWSGI"
A_OK=$?
wait_or_retry keystone-b 60 keystone_start b "$PORT_KEYSTONE_B"
B_OK=$?
if [ $A_OK != 0 ] && [ $B_OK != 0 ]; then
  log "neither Keystone came up: nothing usable. See $LOGS/keystone-*.log"; exit 1
fi

# ---- phase 2: catalogs and service users
SPEC_A=$(cat <<EOF
{"regions": [{"id": "RegionOne", "description": "ordinary region"},
             {"id": "RegionTwo", "description": "ordinary region"},
             {"id": "edge-1", "description": "edge region"}],
 "services": [{"name": "glance", "type": "image", "url": "http://$HOST:$PORT_GLANCE_A", "user": true,
               "region_urls": {"edge-1": "http://$HOST:$PORT_GLANCE_A_EDGE"}},
              {"name": "nova", "type": "compute", "url": "http://$HOST:$PORT_NOVA/v2.1", "user": true},
              {"name": "neutron", "type": "network", "url": "http://$HOST:$PORT_NEUTRON", "user": true},
              {"name": "placement", "type": "placement", "url": "http://$HOST:$PORT_PLACEMENT", "user": true}]}
EOF
)
SPEC_B=$(cat <<EOF
{"regions": [{"id": "RegionOne", "description": "ordinary region"}],
 "services": [{"name": "glance", "type": "image", "url": "http://$HOST:$PORT_GLANCE_B", "user": true},
              {"name": "nova", "type": "compute", "url": "http://$HOST:$PORT_NOVA_B/v2.1", "user": true}]}
EOF
)
log "phase 2: catalogs"
if [ $A_OK = 0 ]; then
  "$PY" "$HERE/py/register.py" "$KS_A" "$ADMIN_PASSWORD" "$SERVICE_PASSWORD" "$SPEC_A" >>"$LOGS/register-a.log" 2>&1 &
  RA=$!
fi
if [ $B_OK = 0 ]; then
  "$PY" "$HERE/py/register.py" "$KS_B" "$ADMIN_PASSWORD" "$SERVICE_PASSWORD" "$SPEC_B" >>"$LOGS/register-b.log" 2>&1 &
  RB=$!
fi
if [ $A_OK = 0 ] && ! wait $RA; then A_OK=1; mark_unavailable catalog-a "register.py failed: $(tail -n 1 "$LOGS/register-a.log")"; fi
if [ $B_OK = 0 ] && ! wait $RB; then B_OK=1; mark_unavailable catalog-b "register.py failed: $(tail -n 1 "$LOGS/register-b.log")"; fi

# ---- phase 3: Glance x3, Placement, Neutron, Nova's databases, Nova API of lab-b.
# Database setup is CPU-bound Python: run the independent ones side by side.
log "phase 3: glance, placement, neutron, nova databases, nova-api-b"
jobs_pids=()
if [ $B_OK = 0 ]; then
  ( glance_up b "$PORT_GLANCE_B" "$KS_B" ) & jobs_pids+=($!)
  ( nova_b_up "$KS_B" || mark_unavailable nova-api-b "nova-manage failed, see $LOGS/nova-b-manage.log" ) & jobs_pids+=($!)
fi
if [ $A_OK = 0 ]; then
  ( glance_up a "$PORT_GLANCE_A" "$KS_A" ) & jobs_pids+=($!)
  ( glance_up a-edge "$PORT_GLANCE_A_EDGE" "$KS_A" ) & jobs_pids+=($!)
  ( placement_up "$KS_A" ) & jobs_pids+=($!)
  ( neutron_up "$KS_A" ) & jobs_pids+=($!)
  nova_conf "$KS_A"
  ( nova_db || mark_unavailable nova "nova-manage failed, see $LOGS/nova-manage.log" ) & jobs_pids+=($!)
fi
wait "${jobs_pids[@]}"
if [ $A_OK = 0 ]; then
  rabbit_wait 90 || mark_unavailable rabbitmq "AMQP port $PORT_RABBIT not open within 90 s: $(tail -n 2 "$LOGS/rabbitmq.log" | tr '\n' ' ')"
  wait_or_retry glance-a 60 glance_up a "$PORT_GLANCE_A" "$KS_A"
  wait_or_retry glance-a-edge 60 glance_up a-edge "$PORT_GLANCE_A_EDGE" "$KS_A"
  wait_or_retry placement 60 placement_up "$KS_A"
  wait_or_retry neutron 90 neutron_up "$KS_A"
fi
if [ $B_OK = 0 ]; then
  wait_or_retry glance-b 60 glance_up b "$PORT_GLANCE_B" "$KS_B"
  [ -f "$STATE/unavailable/nova-api-b" ] || wait_or_retry nova-api-b 90 nova_b_up "$KS_B"
fi

# ---- phase 4: Nova (needs rabbit, placement, and Neutron in the catalog: gotcha 7)
if [ $A_OK = 0 ] && [ ! -f "$STATE/unavailable/nova" ] && [ ! -f "$STATE/unavailable/rabbitmq" ]; then
  log "phase 4: nova"
  nova_start
  wait_or_retry nova-api 90 nova_start
  for s in nova-conductor nova-scheduler $(seq -f 'nova-compute-%g' 1 "$NOVA_COMPUTES"); do
    is_running "$s" || mark_unavailable "$s" "exited at start: $(tail -n 2 "$LOGS/$s.log" | tr '\n' ' ' | cut -c1-300)"
  done
elif [ $A_OK = 0 ]; then
  mark_unavailable nova-api "not started: rabbitmq or nova databases unavailable"
fi

# ---- phase 5: OpenID provider + Keystone federation behind Apache (lab-a)
FED_JSON=null
if [ $A_OK = 0 ] && [ "$OIDC_ENABLED" = 1 ]; then
  log "phase 5: oidc provider, apache, keystone federation"
  if federation_up; then FED_JSON="$(cat "$STATE/federation.json")"; fi
fi

# ---- phase 6: seed, clouds.yaml, lab.json
log "phase 6: seed"
CLOUDS_JSON=$(cat <<EOF
{"lab-a": {"auth_url": "$KS_A", "federation": true, "regions": ["RegionOne", "RegionTwo", "edge-1"],
           "region_kinds": {"RegionOne": "ordinary", "RegionTwo": "ordinary", "edge-1": "edge"},
           "services": {"identity": ["$KS_A", "$KS_A"],
                        "image": ["http://$HOST:$PORT_GLANCE_A", "http://$HOST:$PORT_GLANCE_A/"],
                        "compute": ["http://$HOST:$PORT_NOVA/v2.1", "http://$HOST:$PORT_NOVA/"],
                        "network": ["http://$HOST:$PORT_NEUTRON", "http://$HOST:$PORT_NEUTRON/"],
                        "placement": ["http://$HOST:$PORT_PLACEMENT", "http://$HOST:$PORT_PLACEMENT/"]},
           "glances": [{"name": "glance-a", "url": "http://$HOST:$PORT_GLANCE_A", "regions": ["RegionOne", "RegionTwo"]},
                       {"name": "glance-a-edge", "url": "http://$HOST:$PORT_GLANCE_A_EDGE", "regions": ["edge-1"]}],
           "images": [{"name": "lab-cirros-raw", "disk_format": "raw", "properties": {"os_distro": "cirros"}},
                      {"name": "lab-tiny-qcow2", "disk_format": "qcow2", "properties": {"os_distro": "ubuntu"}},
                      {"name": "lab-edge-appliance", "disk_format": "raw", "visibility": "shared",
                       "properties": {"archipelago_site": "edge"}}],
           "keypairs": ["demo-key-1", "demo-key-2"],
           "servers": [{"name": "demo-server-1", "flavor": "m1.tiny", "key": "demo-key-1", "az": "central", "site": "central"},
                       {"name": "demo-server-2", "flavor": "m1.small", "key": "demo-key-2", "az": "central", "site": "central"},
                       {"name": "edge-1-server-1", "flavor": "m1.tiny", "key": "demo-key-1", "az": "edge-site-1", "site": "edge-site-1"},
                       {"name": "edge-2-server-1", "flavor": "m1.tiny", "key": "demo-key-1", "az": "edge-site-2", "site": "edge-site-2"}]},
 "lab-b": {"auth_url": "$KS_B", "regions": ["RegionOne"],
           "region_kinds": {"RegionOne": "ordinary"},
           "services": {"identity": ["$KS_B", "$KS_B"],
                        "image": ["http://$HOST:$PORT_GLANCE_B", "http://$HOST:$PORT_GLANCE_B/"],
                        "compute": ["http://$HOST:$PORT_NOVA_B/v2.1", "http://$HOST:$PORT_NOVA_B/"]},
           "glances": [{"name": "glance-b", "url": "http://$HOST:$PORT_GLANCE_B", "regions": ["RegionOne"]}],
           "images": [{"name": "lab-b-cirros-raw", "disk_format": "raw"},
                      {"name": "lab-b-tiny-qcow2", "disk_format": "qcow2"}],
           "keypairs": ["lab-b-key"]}}
EOF
)
SEED_LAB_DIR="$LAB_DIR" SEED_ADMIN_PASSWORD="$ADMIN_PASSWORD" SEED_DEMO_PASSWORD="$DEMO_PASSWORD" \
SEED_CLOUDS="$CLOUDS_JSON" SEED_COMPUTES="$NOVA_COMPUTES" SEED_FEDERATION="$FED_JSON" \
  timeout 600 "$PY" "$HERE/py/seed.py" 2>"$LOGS/seed.log" || log "seed failed, see $LOGS/seed.log"
grep -E '^\[seed' "$LOGS/seed.log" | tail -n 30 >&2

log "up in $((SECONDS - T0)) s"
"$HERE/status.sh"
[ $A_OK = 0 ] && [ $B_OK = 0 ] && exit 0
exit 0  # one Keystone is usable; lab.json says which is not
