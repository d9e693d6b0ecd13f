# Glance API with the file store, one per cloud. Sourced by up.sh.
# shellcheck shell=bash

glance_up() { # CLOUD PORT KEYSTONE_URL
  local cloud="$1" port="$2" ks="$3" d="$ETC/glance-$1" g="$DATA/glance-$1"
  mkdir -p "$d" "$g/images" "$g/staging" "$g/tasks"
  cat >"$d/glance-api.conf" <<EOF
[DEFAULT]
# Lab: stop within seconds on SIGTERM instead of draining for 60 s.
graceful_shutdown_timeout = 5
bind_host = $HOST
bind_port = $port
# One worker: sqlite serialises writers anyway, and each worker costs ~150 MiB.
workers = 1
log_file = $LOGS/glance-$cloud-app.log
enabled_backends = fs:file
show_image_direct_url = false
[database]
connection = sqlite:///$g/glance.sqlite
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $g/images
[os_glance_staging_store]
filesystem_store_datadir = $g/staging
[os_glance_tasks_store]
filesystem_store_datadir = $g/tasks
[paste_deploy]
flavor = keystone
config_file = $d/glance-api-paste.ini
$(ks_auth_section keystone_authtoken glance "$ks")
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF
  "$PY" "$LAB_SCRIPTS/py/paste_cors.py" "$LAB_DIR/paste/glance/glance-api-paste.ini" "$d/glance-api-paste.ini" "$d/glance-api.conf"
  if [ ! -f "$STATE/glance-$cloud.db" ]; then
    stop "glance-$cloud"; rm -f "$g/glance.sqlite"*
    log "glance-$cloud: db_sync"
    pymain glance.cmd.manage glance-manage --config-file "$d/glance-api.conf" db_sync >>"$LOGS/glance-$cloud-manage.log" 2>&1
    wal "$g/glance.sqlite"
    touch "$STATE/glance-$cloud.db"
  fi
  start "glance-$cloud" "$PY" -c 'import sys; sys.argv[0] = "glance-api"; from glance.cmd.api import main; main()' \
    --config-file "$d/glance-api.conf"
}
