# Placement under uwsgi, ONE process: placement's sqlite writes (allocation
# claims from the scheduler) race across processes and fail with "database is locked".
# shellcheck shell=bash

placement_up() { # KEYSTONE_URL
  local ks="$1" d="$ETC/placement" p="$DATA/placement"
  mkdir -p "$d" "$p"
  cat >"$d/placement.conf" <<EOF2
[DEFAULT]
log_file = $LOGS/placement-app.log
[placement_database]
connection = sqlite:///$p/placement.sqlite
[api]
auth_strategy = keystone
$(ks_auth_section keystone_authtoken placement "$ks")
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF2
  if [ ! -f "$STATE/placement.db" ]; then
    stop placement; rm -f "$p/placement.sqlite"*
    log "placement: db sync"
    OS_PLACEMENT_CONFIG_DIR="$d" pymain placement.cmd.manage placement-manage --config-file "$d/placement.conf" db sync >>"$LOGS/placement-manage.log" 2>&1
    wal "$p/placement.sqlite"
    touch "$STATE/placement.db"
  fi
  start placement uwsgi --plugin python3 --master --die-on-term --need-app \
    --http-socket "$HOST:$PORT_PLACEMENT" --processes 1 --threads 1 --lazy-apps \
    --add-header "Connection: close" \
    --wsgi-file "$LAB_SCRIPTS/py/placement_wsgi.py" --env "OS_PLACEMENT_CONFIG_DIR=$d" \
    --buffer-size 65535 --harakiri 120
}
