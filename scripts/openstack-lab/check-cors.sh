#!/usr/bin/env bash
# Real CORS preflights against every lab endpoint, the way a browser at ORIGIN sends
# them: prints one line per endpoint and exits non-zero if any lacks the headers.
# A disallowed origin must get NO Access-Control-Allow-Origin (checked too).
#   check-cors.sh [ORIGIN]   (default http://127.0.0.1:5173)
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"
ORIGIN="${1:-http://127.0.0.1:5173}"
REQ_HEADERS="x-auth-token,content-type,openstack-api-version,x-openstack-nova-api-version"
fail=0
check() { # NAME URL METHOD EXTRA_HEADERS
  local name="$1" url="$2" method="$3" hdrs="$REQ_HEADERS${4:-}" out bad
  out="$(curl -s -D - -o /dev/null --max-time 5 -X OPTIONS -H "Origin: $ORIGIN" \
    -H "Access-Control-Request-Method: $method" -H "Access-Control-Request-Headers: $hdrs" "$url" | tr -d '\r')"
  if [ -z "$out" ]; then printf '%-14s %-7s down        %s\n' "$name" "$method" "$url"; return; fi
  if echo "$out" | grep -qi "^access-control-allow-origin: $ORIGIN\$" \
     && echo "$out" | grep -qi "^access-control-allow-methods: .*$method" \
     && echo "$out" | grep -qi '^access-control-allow-headers: .*x-auth-token'; then
    printf '%-14s %-7s ok          %s\n' "$name" "$method" "$url"
  else
    printf '%-14s %-7s MISSING     %s\n' "$name" "$method" "$url"; fail=1
  fi
  bad="$(curl -s -D - -o /dev/null --max-time 5 -X OPTIONS -H 'Origin: http://not-allowed.invalid' \
    -H "Access-Control-Request-Method: $method" "$url" | tr -d '\r' | grep -ci '^access-control-allow-origin' || true)"
  if [ "$bad" != 0 ]; then printf '%-14s %-7s LEAKS CORS to a disallowed origin\n' "$name" "$method"; fail=1; fi
}
check keystone-a "http://$HOST:$PORT_KEYSTONE_A/v3/auth/tokens" POST ",authorization"
check keystone-b "http://$HOST:$PORT_KEYSTONE_B/v3/auth/tokens" POST ",authorization"
check glance-a   "http://$HOST:$PORT_GLANCE_A/v2/images" GET
check glance-b   "http://$HOST:$PORT_GLANCE_B/v2/images" GET
check glance-a-edge "http://$HOST:$PORT_GLANCE_A_EDGE/v2/images" GET
check glance-a   "http://$HOST:$PORT_GLANCE_A/v2/images/00000000-0000-4000-8000-000000000000/import" POST
check placement  "http://$HOST:$PORT_PLACEMENT/resource_providers" GET
check neutron    "http://$HOST:$PORT_NEUTRON/v2.0/networks" GET
check nova       "http://$HOST:$PORT_NOVA/v2.1/servers/detail" GET
check nova       "http://$HOST:$PORT_NOVA/v2.1/servers" POST
check nova-b     "http://$HOST:$PORT_NOVA_B/v2.1/os-keypairs" GET
check federation "http://$HOST:$PORT_APACHE/v3/OS-FEDERATION/identity_providers/lab-oidc/protocols/openid/auth" POST ",authorization"
# Exposed headers are on the actual response, not the preflight.
exp="$(curl -s -D - -o /dev/null --max-time 5 -H "Origin: $ORIGIN" "http://$HOST:$PORT_NOVA/" | tr -d '\r' | grep -i '^access-control-expose-headers' || true)"
echo "nova GET / -> ${exp:-no Access-Control-Expose-Headers}"
[ -n "$exp" ] || fail=1
exit $fail
