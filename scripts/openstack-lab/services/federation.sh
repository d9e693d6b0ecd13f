# OpenID provider (npm oidc-provider, in scripts/openstack-lab/oidc) and Apache with
# mod_auth_openidc in front of Keystone lab-a's uwsgi socket, validating bearer access
# tokens for the OS-FEDERATION "openid" protocol. The Keystone objects (domain, group,
# mapping, identity provider, protocol) are made by py/seed.py.
# shellcheck shell=bash

OIDC_ISSUER="http://$HOST:$PORT_OIDC"
OIDC_KID="lab-oidc-1"
OIDC_AUDIENCE="urn:archipelago:keystone"
OIDC_IDP="lab-oidc"

oidc_up() {
  local o="$DATA/oidc" src="$LAB_SCRIPTS/oidc"
  mkdir -p "$o"
  command -v node >/dev/null || { mark_unavailable oidc "node is not installed"; return 1; }
  if [ ! -f "$src/node_modules/oidc-provider/package.json" ]; then
    log "oidc: npm ci in $src"
    ( cd "$src" && timeout 300 npm ci --no-audit --no-fund >>"$LOGS/oidc-npm.log" 2>&1 ) \
      || { mark_unavailable oidc "npm ci failed in $src (see $LOGS/oidc-npm.log)"; return 1; }
  fi
  # One RSA key: the provider signs with it; Apache verifies with a self-signed
  # certificate of the same key (mod_auth_openidc 2.4.12 fetches JWKS only over https).
  if [ ! -f "$o/cert.pem" ] || [ ! -f "$o/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$o/key.pem" -out "$o/cert.pem" \
      -subj /CN=archipelago-lab-oidc -days 3650 >>"$LOGS/oidc-setup.log" 2>&1 \
      || { mark_unavailable oidc "openssl could not make the signing key"; return 1; }
    chmod 600 "$o/key.pem"; chmod 644 "$o/cert.pem"
  fi
  OIDC_ISSUER="$OIDC_ISSUER" OIDC_PORT="$PORT_OIDC" OIDC_KEY_PEM="$o/key.pem" OIDC_KID="$OIDC_KID" \
  OIDC_ORIGINS="$(cors_origins)" OIDC_AUDIENCE="$OIDC_AUDIENCE" \
    start oidc node "$src/server.mjs" --lab-dir "$LAB_DIR"
}

apache_up() {
  local a="$DATA/apache" d="$ETC/apache" m=/usr/lib/apache2/modules origin_re
  origin_re="$(cors_origins | sed -e 's/[.]/\\./g' -e 's/,/|/g')"
  mkdir -p "$a/run" "$d"
  # The cert is read by the root parent at start; the log dir is opened as root too.
  cat >"$d/httpd.conf" <<EOF
ServerRoot "$a"
ServerName $HOST
Listen $HOST:$PORT_APACHE
PidFile "$a/run/httpd.pid"
DefaultRuntimeDir "$a/run"
Mutex file:$a/run default
ErrorLog "$LOGS/apache-error.log"
LogLevel warn
LogFormat "%h %l %u %t \"%r\" %>s %b %D" lab
CustomLog "$LOGS/apache-access.log" lab
LoadModule mpm_event_module $m/mod_mpm_event.so
LoadModule authn_core_module $m/mod_authn_core.so
LoadModule authz_core_module $m/mod_authz_core.so
LoadModule authz_user_module $m/mod_authz_user.so
LoadModule proxy_module $m/mod_proxy.so
LoadModule proxy_uwsgi_module $m/mod_proxy_uwsgi.so
LoadModule headers_module $m/mod_headers.so
LoadModule setenvif_module $m/mod_setenvif.so
LoadModule auth_openidc_module $m/mod_auth_openidc.so
User www-data
Group www-data
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
Timeout 120

OIDCCryptoPassphrase "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# Bearer access tokens (JWT, RS256) are verified offline with the provider's key.
OIDCOAuthVerifyCertFiles $OIDC_KID#$DATA/oidc/cert.pem
OIDCOAuthRemoteUserClaim sub
# Claims reach Keystone as WSGI environment over the uwsgi protocol: OIDC_CLAIM_iss etc.
OIDCPassClaimsAs environment
OIDCClaimPrefix OIDC_CLAIM_

# Keystone answers CORS itself, but a 401 made here by mod_auth_openidc (bad or expired
# token) would reach the browser without CORS headers, i.e. as an opaque network error.
SetEnvIf Origin "^($origin_re)\$" LAB_CORS_ORIGIN=\$1
Header always set Access-Control-Allow-Origin "%{LAB_CORS_ORIGIN}e" "expr=%{REQUEST_STATUS} == 401 && -n reqenv('LAB_CORS_ORIGIN')"
Header always set Access-Control-Allow-Credentials "true" "expr=%{REQUEST_STATUS} == 401 && -n reqenv('LAB_CORS_ORIGIN')"
Header always set Access-Control-Expose-Headers "WWW-Authenticate" "expr=%{REQUEST_STATUS} == 401 && -n reqenv('LAB_CORS_ORIGIN')"
Header always merge Vary "Origin" "expr=%{REQUEST_STATUS} == 401"

# Everything else is plain Keystone; only the federation auth route needs a token.
ProxyPass "/" "uwsgi://$HOST:$PORT_KEYSTONE_A_UWSGI/"
<Location "/v3/OS-FEDERATION/identity_providers/$OIDC_IDP/protocols/openid/auth">
  AuthType oauth20
  # The browser's CORS preflight carries no token: without this it would get 401.
  <RequireAny>
    Require method OPTIONS
    Require valid-user
  </RequireAny>
</Location>
EOF
  /usr/sbin/apache2 -t -f "$d/httpd.conf" >>"$LOGS/apache-error.log" 2>&1 \
    || { mark_unavailable apache "apache2 -t rejected $d/httpd.conf: $(tail -n 2 "$LOGS/apache-error.log" | tr '\n' ' ')"; return 1; }
  start apache /usr/sbin/apache2 -DFOREGROUND -f "$d/httpd.conf"
}

federation_up() {
  oidc_up || return 1
  apache_up || return 1
  wait_http "http://$HOST:$PORT_OIDC/.well-known/openid-configuration" 30 oidc \
    || { mark_unavailable oidc "no answer on $PORT_OIDC: $(tail -n 3 "$LOGS/oidc.log" | tr '\n' ' ')"; stop oidc; return 1; }
  wait_http "http://$HOST:$PORT_APACHE/v3" 30 apache \
    || { mark_unavailable apache "no answer on $PORT_APACHE: $(tail -n 3 "$LOGS/apache-error.log" | tr '\n' ' ')"; stop apache; return 1; }
  cat >"$STATE/federation.json" <<EOF
{"issuer": "$OIDC_ISSUER", "client_id": "archipelago-console", "audience": "$OIDC_AUDIENCE",
 "discovery": "$OIDC_ISSUER/.well-known/openid-configuration",
 "keystone_auth_url": "http://$HOST:$PORT_APACHE/v3",
 "identity_provider": "$OIDC_IDP", "protocol": "openid", "mapping": "$OIDC_IDP-mapping",
 "federated_domain": "lab-federated", "group": "oidc-users", "projects": ["demo"],
 "exchange_url": "http://$HOST:$PORT_APACHE/v3/OS-FEDERATION/identity_providers/$OIDC_IDP/protocols/openid/auth",
 "get_token": "node $LAB_SCRIPTS/oidc/get-token.mjs --issuer $OIDC_ISSUER --user demo-oidc",
 "login": "any login and any password (oidc-provider development interactions)"}
EOF
}
