# Glance API, multi-store (file stores only), one process per Glance. Sourced by up.sh.
# shellcheck shell=bash

# Every Glance offers the interoperable import methods the console uses: copy-image
# (between the stores of one Glance) and glance-download (from another region's Glance
# of the same Keystone, with the caller's token, found in X-Service-Catalog).
GLANCE_IMPORT_METHODS="'glance-direct', 'web-download', 'copy-image', 'glance-download'"

# The stores of each Glance, the default first. lab-a's central Glance keeps a store per
# Nova site (the DCN layout: one Glance, the data near each site); edge-1's own Glance
# has one. The first store keeps the pre-multi-store folder data/glance-*/images: Glance
# maps an image's old location to the store whose folder prefixes it, on first read.
GLANCE_STORES_a="central edge-site-1 edge-site-2"
GLANCE_STORES_a_edge="edge-1"
GLANCE_STORES_b="fs"

glance_stores() { # NAME: the store ids, default first
  local var="GLANCE_STORES_${1//-/_}"
  echo "${!var}"
}

glance_store_sections() { # NAME DATA_DIR
  local store first=1
  for store in $(glance_stores "$1"); do
    printf '[%s]\n' "$store"
    if [ $first = 1 ]; then
      printf 'filesystem_store_datadir = %s/images\n' "$2"
    else
      printf 'filesystem_store_datadir = %s/stores/%s\n' "$2" "$store"
    fi
    printf 'store_description = file store %s\n' "$store"
    first=0
  done
}

glance_up() { # NAME PORT KEYSTONE_URL   (NAME: a, b or a-edge; the process is glance-NAME)
  local name="$1" port="$2" ks="$3" d="$ETC/glance-$1" g="$DATA/glance-$1" store backends=()
  local stores; stores="$(glance_stores "$name")"
  mkdir -p "$d" "$g/images" "$g/staging" "$g/tasks"
  for store in $stores; do
    backends+=("$store:file")
    [ "$store" = "${stores%% *}" ] || mkdir -p "$g/stores/$store"
  done
  cat >"$d/glance-api.conf.new" <<EOF
[DEFAULT]
# Lab: stop within seconds on SIGTERM instead of draining for 60 s.
graceful_shutdown_timeout = 5
bind_host = $HOST
bind_port = $port
# One worker: sqlite serialises writers anyway, and each worker costs ~150 MiB.
workers = 1
log_file = $LOGS/glance-$name-app.log
enabled_backends = $(IFS=,; echo "${backends[*]}")
enabled_import_methods = [$GLANCE_IMPORT_METHODS]
show_image_direct_url = false
[database]
connection = sqlite:///$g/glance.sqlite
[glance_store]
default_backend = ${stores%% *}
$(glance_store_sections "$name" "$g")
[os_glance_staging_store]
filesystem_store_datadir = $g/staging
[os_glance_tasks_store]
filesystem_store_datadir = $g/tasks
[import_filtering_opts]
# glance-download fetches from the other Glance's catalog URL, on loopback. Debian's
# Glance refuses loopback addresses unless the host is allowed explicitly, and by
# default allows only ports 80 and 443: allow exactly the lab's Glances.
allowed_schemes = [http]
allowed_hosts = [$HOST]
allowed_ports = [$PORT_GLANCE_A, $PORT_GLANCE_B, $PORT_GLANCE_A_EDGE]
[paste_deploy]
flavor = keystone
config_file = $d/glance-api-paste.ini
$(ks_auth_section keystone_authtoken glance "$ks")
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section)
EOF
  # A Glance left running by an older layout (or other CORS origins) would keep its old
  # stores and import methods: a changed config restarts it.
  if ! cmp -s "$d/glance-api.conf.new" "$d/glance-api.conf"; then stop "glance-$name"; fi
  mv "$d/glance-api.conf.new" "$d/glance-api.conf"
  "$PY" "$LAB_SCRIPTS/py/paste_cors.py" "$LAB_DIR/paste/glance/glance-api-paste.ini" "$d/glance-api-paste.ini" "$d/glance-api.conf"
  if [ ! -f "$STATE/glance-$name.db" ]; then
    stop "glance-$name"; rm -f "$g/glance.sqlite"*
    log "glance-$name: db_sync"
    pymain glance.cmd.manage glance-manage --config-file "$d/glance-api.conf" db_sync >>"$LOGS/glance-$name-manage.log" 2>&1
    wal "$g/glance.sqlite"
    touch "$STATE/glance-$name.db"
  fi
  start "glance-$name" "$PY" -c 'import sys; sys.argv[0] = "glance-api"; from glance.cmd.api import main; main()' \
    --config-file "$d/glance-api.conf"
}
