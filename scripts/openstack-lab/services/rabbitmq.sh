# RabbitMQ for Nova's RPC (and Neutron's), loopback only (lab notes, gotcha 11).
# We start epmd ourselves in the foreground: left to erl it would daemonise outside our
# process group, listen on every interface and survive down.sh.
# shellcheck shell=bash

rabbit_env() {
  local r="$DATA/rabbitmq"
  export HOME="$r" \
    RABBITMQ_CONF_ENV_FILE="$ETC/rabbitmq/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$ETC/rabbitmq/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$r/mnesia" RABBITMQ_LOG_BASE="$LOGS" RABBITMQ_LOGS=- \
    RABBITMQ_NODENAME=archlab@localhost RABBITMQ_NODE_IP_ADDRESS="$HOST" \
    RABBITMQ_NODE_PORT="$PORT_RABBIT" RABBITMQ_DIST_PORT="$PORT_RABBIT_DIST" \
    ERL_EPMD_PORT="$PORT_EPMD" ERL_EPMD_ADDRESS="$HOST" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rabbit_up() {
  mkdir -p "$ETC/rabbitmq" "$DATA/rabbitmq/mnesia"
  : >"$ETC/rabbitmq/rabbitmq-env.conf"
  echo '[].' >"$ETC/rabbitmq/enabled_plugins"
  cat >"$ETC/rabbitmq/rabbitmq.conf" <<EOF2
listeners.tcp.default = $HOST:$PORT_RABBIT
disk_free_limit.absolute = 50MB
log.console = true
log.file = false
EOF2
  # The cookie must exist, be private, and stay the same across restarts.
  if [ ! -f "$DATA/rabbitmq/.erlang.cookie" ]; then
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$DATA/rabbitmq/.erlang.cookie"
  fi
  chmod 400 "$DATA/rabbitmq/.erlang.cookie"
  ( rabbit_env
    start epmd epmd -port "$PORT_EPMD" -address "$HOST"
    sleep 0.3
    # rabbitmq-server (not the wrapper) runs as root: the Debian wrapper would switch to
    # the rabbitmq user, which cannot read the lab dir's private files.
    start rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server )
}

tcp_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

rabbit_wait() { # SECONDS
  local deadline=$((SECONDS + $1))
  while [ $SECONDS -lt $deadline ]; do
    tcp_open "$PORT_RABBIT" && return 0
    is_running rabbitmq || return 1
    sleep 0.5
  done
  return 1
}
