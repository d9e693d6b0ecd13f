# Keystone for one cloud: uwsgi (processes only, sqlite cannot share across threads),
# fernet tokens, sqlite in WAL. Sourced by up.sh.
# shellcheck shell=bash

keystone_manage() { # CLOUD ARGS... (console scripts are not shipped: gotcha 4)
  local cloud="$1"; shift
  "$PY" -c 'import sys; sys.argv[0] = "keystone-manage"; from keystone.cmd.manage import main; main()' \
    --config-file "$ETC/keystone-$cloud/keystone.conf" "$@"
}

keystone_conf() { # CLOUD
  local cloud="$1" d="$ETC/keystone-$1" k="$DATA/keystone-$1"
  mkdir -p "$d" "$k"
  cat >"$d/keystone.conf" <<EOF
[DEFAULT]
log_file = $LOGS/keystone-$cloud-app.log
debug = false
[database]
connection = sqlite:///$k/keystone.sqlite
[identity]
# Lab only: bcrypt at the default 12 rounds costs ~0.3 s per password check.
password_hash_rounds = 4
[token]
provider = fernet
expiration = 14400
[fernet_tokens]
key_repository = $k/fernet-keys
[fernet_receipts]
# Receipts (MFA) share the token keys: one repository to create and rotate.
key_repository = $k/fernet-keys
[credential]
key_repository = $k/credential-keys
[auth]
methods = password,token,application_credential,openid,mapped
[federation]
trusted_dashboard = http://127.0.0.1:5173/
[openid]
remote_id_attribute = OIDC_CLAIM_iss
[oslo_policy]
enforce_new_defaults = false
enforce_scope = false
$(cors_section ",Authorization")
EOF
}

# The uwsgi command line. uwsgi's --http-socket answers HTTP/1.1 but closes the
# connection without saying so; keep-alive clients (requests, keystoneauth) then
# reuse a dead socket and fail with "Connection reset". "Connection: close" says it.
# (--http11-socket would keep alive, but an idle browser connection would then pin
# one of the only two workers.) lab-a also listens on a uwsgi-protocol socket for Apache
# (the federation front passes mod_auth_openidc's claims as WSGI environment).
keystone_start() { # CLOUD PORT [UWSGI_PORT]
  local cloud="$1" port="$2" usock="${3:-}" procs=1 extra=()
  [ "$cloud" = a ] && procs=2
  [ -n "$usock" ] && extra=(--socket "$HOST:$usock")
  start "keystone-$cloud" uwsgi --plugin python3 --master --die-on-term --need-app \
    --http-socket "$HOST:$port" "${extra[@]}" \
    --processes "$procs" --threads 1 --lazy-apps --enable-threads \
    --wsgi-file "$LAB_SCRIPTS/py/keystone_wsgi.py" \
    --env "OS_KEYSTONE_CONFIG_FILES=$ETC/keystone-$cloud/keystone.conf" \
    --add-header "Connection: close" \
    --buffer-size 65535 --harakiri 120
}

keystone_up() { # CLOUD PORT [UWSGI_PORT]
  local cloud="$1" port="$2" usock="${3:-}" k="$DATA/keystone-$1"
  local url="http://$HOST:$port/v3"
  keystone_conf "$cloud"
  if [ ! -f "$STATE/keystone-$cloud.bootstrapped" ]; then
    # A half-made database is thrown away: bootstrap from nothing is only ~10 s.
    stop "keystone-$cloud"
    rm -rf "$k"; mkdir -p "$k"
    log "keystone-$cloud: db_sync, fernet keys, bootstrap"
    keystone_manage "$cloud" db_sync >>"$LOGS/keystone-$cloud-manage.log" 2>&1
    wal "$k/keystone.sqlite"
    keystone_manage "$cloud" fernet_setup --keystone-user root --keystone-group root >>"$LOGS/keystone-$cloud-manage.log" 2>&1
    keystone_manage "$cloud" credential_setup --keystone-user root --keystone-group root >>"$LOGS/keystone-$cloud-manage.log" 2>&1
    keystone_manage "$cloud" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
      --bootstrap-username admin --bootstrap-project-name admin \
      --bootstrap-role-name admin --bootstrap-service-name keystone \
      --bootstrap-region-id RegionOne \
      --bootstrap-public-url "$url" --bootstrap-internal-url "$url" \
      >>"$LOGS/keystone-$cloud-manage.log" 2>&1
    touch "$STATE/keystone-$cloud.bootstrapped"
  fi
  keystone_start "$cloud" "$port" "$usock"
}
