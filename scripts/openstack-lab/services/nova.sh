# Nova: api, conductor, scheduler and NOVA_COMPUTES fake-driver computes; cells v2 with
# cell0 + cell1 (all computes in cell1). Servers are database rows: no hypervisor.
# shellcheck shell=bash

NOVA_COMPUTES="${ARCHIPELAGO_LAB_COMPUTES:-3}"

nova_manage() { pymain nova.cmd.manage nova-manage --config-file "$ETC/nova/nova.conf" "$@"; }

nova_conf() { # KEYSTONE_URL
  local ks="$1" d="$ETC/nova" n="$DATA/nova" i
  mkdir -p "$d" "$n/instances" "$n/lock"
  cat >"$d/nova.conf" <<EOF
[DEFAULT]
# Lab: stop within seconds on SIGTERM instead of draining for 60 s.
graceful_shutdown_timeout = 5
state_path = $n
instances_path = $n/instances
transport_url = rabbit://guest:guest@$HOST:$PORT_RABBIT/
my_ip = $HOST
host = lab-controller
compute_driver = fake.SmallFakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = $PORT_NOVA
osapi_compute_workers = 1
# The fake driver plugs nothing; never wait for network-vif-plugged events.
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
# SmallFakeDriver reports 2 vCPUs per host; let a handful of servers fit on each.
cpu_allocation_ratio = 16.0
ram_allocation_ratio = 4.0
disk_allocation_ratio = 4.0
allow_resize_to_same_host = true
heal_instance_info_cache_interval = -1
[api]
auth_strategy = keystone
[api_database]
connection = sqlite:///$n/nova_api.sqlite
[database]
connection = sqlite:///$n/nova_cell1.sqlite
[conductor]
workers = 1
[scheduler]
workers = 1
# Computes register themselves; the scheduler maps them into cell1 within 3 s
# (a cheap query; saves running nova-manage cell_v2 discover_hosts ourselves).
discover_hosts_in_cells_interval = 3
[wsgi]
api_paste_config = $d/api-paste.ini
[oslo_concurrency]
lock_path = $n/lock
[oslo_messaging_notifications]
driver = noop
[vnc]
enabled = false
[service_user]
send_service_user_token = false
$(ks_auth_section keystone_authtoken nova "$ks")
$(ks_auth_section placement placement "$ks")
$(ks_auth_section neutron neutron "$ks")
[glance]
region_name = RegionOne
[cinder]
os_region_name = RegionOne
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF
  for i in $(seq 1 "$NOVA_COMPUTES"); do
    printf '[DEFAULT]\nhost = lab-compute-%s\n' "$i" >"$d/compute-$i.conf"
  done
  "$PY" "$LAB_SCRIPTS/py/paste_cors.py" "$LAB_DIR/paste/nova/api-paste.ini" "$d/api-paste.ini" "$d/nova.conf"
}

nova_db() {
  local n="$DATA/nova" tu="rabbit://guest:guest@$HOST:$PORT_RABBIT/"
  [ -f "$STATE/nova.db" ] && return 0
  local s; for s in nova-api nova-conductor nova-scheduler; do stop "$s"; done
  for s in $(seq 1 "$NOVA_COMPUTES"); do stop "nova-compute-$s"; done
  rm -f "$n"/*.sqlite*
  log "nova: api_db sync, cell0 + cell1, db sync"
  {
    nova_manage api_db sync
    nova_manage cell_v2 map_cell0 --database_connection "sqlite:///$n/nova_cell0.sqlite"
    nova_manage cell_v2 create_cell --name cell1 --database_connection "sqlite:///$n/nova_cell1.sqlite" --transport-url "$tu"
    nova_manage db sync
  } >>"$LOGS/nova-manage.log" 2>&1
  wal "$n/nova_api.sqlite" "$n/nova_cell0.sqlite" "$n/nova_cell1.sqlite"
  touch "$STATE/nova.db"
}

nova_start() {
  local d="$ETC/nova" i
  local code='import sys; sys.argv[0] = "nova-%s"; from nova.cmd.%s import main; main()'
  # shellcheck disable=SC2059
  start nova-conductor "$PY" -c "$(printf "$code" conductor conductor)" --config-file "$d/nova.conf"
  # shellcheck disable=SC2059
  start nova-scheduler "$PY" -c "$(printf "$code" scheduler scheduler)" --config-file "$d/nova.conf"
  # shellcheck disable=SC2059
  start nova-api "$PY" -c "$(printf "$code" api api)" --config-file "$d/nova.conf"
  for i in $(seq 1 "$NOVA_COMPUTES"); do
    # shellcheck disable=SC2059
    start "nova-compute-$i" "$PY" -c "$(printf "$code" compute compute)" \
      --config-file "$d/nova.conf" --config-file "$d/compute-$i.conf"
  done
}

nova_services() { local i; echo nova-api nova-conductor nova-scheduler; for i in $(seq 1 "$NOVA_COMPUTES"); do echo "nova-compute-$i"; done; }

# lab-b gets a Nova API alone (no conductor, scheduler or compute): enough for the
# resources that live in Nova's API database (keypairs, flavors, quotas), so the two
# clouds can be compared for parity. Its RPC points at a RabbitMQ vhost that does not
# exist: a stray cast fails instead of reaching lab-a's conductor.
nova_b_up() { # KEYSTONE_URL
  local ks="$1" d="$ETC/nova-b" n="$DATA/nova-b"
  mkdir -p "$d" "$n/lock"
  cat >"$d/nova.conf" <<EOF2
[DEFAULT]
# Lab: stop within seconds on SIGTERM instead of draining for 60 s.
graceful_shutdown_timeout = 5
state_path = $n
transport_url = rabbit://guest:guest@$HOST:$PORT_RABBIT/lab-b-no-rpc
my_ip = $HOST
host = lab-b-controller
enabled_apis = osapi_compute
osapi_compute_listen = $HOST
osapi_compute_listen_port = $PORT_NOVA_B
osapi_compute_workers = 1
[api]
auth_strategy = keystone
[api_database]
connection = sqlite:///$n/nova_api.sqlite
[database]
connection = sqlite:///$n/nova_cell0.sqlite
[wsgi]
api_paste_config = $d/api-paste.ini
[oslo_concurrency]
lock_path = $n/lock
[oslo_messaging_notifications]
driver = noop
[service_user]
send_service_user_token = false
$(ks_auth_section keystone_authtoken nova "$ks")
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF2
  "$PY" "$LAB_SCRIPTS/py/paste_cors.py" "$LAB_DIR/paste/nova/api-paste.ini" "$d/api-paste.ini" "$d/nova.conf"
  if [ ! -f "$STATE/nova-b.db" ]; then
    stop nova-api-b; rm -f "$n"/*.sqlite*
    log "nova-b: api_db sync, cell0, db sync"
    {
      pymain nova.cmd.manage nova-manage --config-file "$d/nova.conf" api_db sync
      pymain nova.cmd.manage nova-manage --config-file "$d/nova.conf" cell_v2 map_cell0 --database_connection "sqlite:///$n/nova_cell0.sqlite"
      pymain nova.cmd.manage nova-manage --config-file "$d/nova.conf" db sync
    } >>"$LOGS/nova-b-manage.log" 2>&1 || return 1
    wal "$n/nova_api.sqlite" "$n/nova_cell0.sqlite"
    touch "$STATE/nova-b.db"
  fi
  start nova-api-b "$PY" -c 'import sys; sys.argv[0] = "nova-api"; from nova.cmd.api import main; main()' \
    --config-file "$d/nova.conf"
}
