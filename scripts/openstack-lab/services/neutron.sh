# Neutron server: ML2, API only, no agents; ports bound by the lab's mechanism driver.
# shellcheck shell=bash

neutron_up() { # KEYSTONE_URL
  local ks="$1" d="$ETC/neutron" n="$DATA/neutron"
  mkdir -p "$d" "$n/lock"
  cat >"$d/neutron.conf" <<EOF2
[DEFAULT]
# Lab: stop within seconds on SIGTERM instead of draining for 60 s.
graceful_shutdown_timeout = 5
bind_host = $HOST
bind_port = $PORT_NEUTRON
log_file = $LOGS/neutron-app.log
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
allow_overlapping_ips = true
api_paste_config = $d/api-paste.ini
# One API process and one RPC process: sqlite, and ~200 MiB per process.
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 0
transport_url = rabbit://guest:guest@$HOST:$PORT_RABBIT/
# No agents, no compute data plane: nothing would consume these notifications.
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
dhcp_agent_notification = false
[database]
connection = sqlite:///$n/neutron.sqlite
[oslo_concurrency]
lock_path = $n/lock
$(ks_auth_section keystone_authtoken neutron "$ks")
$(ks_auth_section nova nova "$ks")
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = archipelago_lab_bind
extension_drivers = port_security
[ml2_type_flat]
flat_networks = public
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF2
  "$PY" "$LAB_SCRIPTS/py/paste_cors.py" "$LAB_DIR/paste/neutron/api-paste.ini" "$d/api-paste.ini" "$d/neutron.conf"
  if [ ! -f "$STATE/neutron.db" ]; then
    stop neutron; rm -f "$n/neutron.sqlite"*
    log "neutron: schema from models + stamp heads"
    "$PY" "$LAB_SCRIPTS/py/neutron_schema.py" "sqlite:///$n/neutron.sqlite" >>"$LOGS/neutron-manage.log" 2>&1
    pymain neutron.db.migration.cli neutron-db-manage --config-file "$d/neutron.conf" stamp heads >>"$LOGS/neutron-manage.log" 2>&1
    wal "$n/neutron.sqlite"
    touch "$STATE/neutron.db"
  fi
  PYTHONPATH="$LAB_SCRIPTS/py/neutron_ext" start neutron "$PY" -c \
    'import sys; sys.argv[0] = "neutron-server"; from neutron.cmd.eventlet.server import main; main()' \
    --config-file "$d/neutron.conf"
}
