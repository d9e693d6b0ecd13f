#!/usr/bin/env bash
# What of the lab is up: one line per service (pid, port, health), then the summary
# from lab.json; --memory adds memory per service. Exit 0 when both Keystones answer.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/lib.sh"

declare -A URL=(
  [keystone-a]="http://$HOST:$PORT_KEYSTONE_A/v3" [keystone-b]="http://$HOST:$PORT_KEYSTONE_B/v3"
  [glance-a]="http://$HOST:$PORT_GLANCE_A/" [glance-b]="http://$HOST:$PORT_GLANCE_B/"
  [glance-a-edge]="http://$HOST:$PORT_GLANCE_A_EDGE/"
  [placement]="http://$HOST:$PORT_PLACEMENT/" [neutron]="http://$HOST:$PORT_NEUTRON/"
  [nova-api]="http://$HOST:$PORT_NOVA/" [nova-api-b]="http://$HOST:$PORT_NOVA_B/" [oidc]="http://$HOST:$PORT_OIDC/.well-known/openid-configuration"
  [apache]="http://$HOST:$PORT_APACHE/v3"
)
printf '%-16s %-8s %-8s %s\n' SERVICE PID STATE URL
for s in "${ALL_SERVICES[@]}"; do
  pid="$(pid_of "$s" || true)"
  state=down
  if [ -n "$pid" ]; then
    state=running
    if [ -n "${URL[$s]:-}" ]; then http_up "${URL[$s]}" && state=healthy || state=no-answer; fi
  elif [ -f "$STATE/unavailable/$s" ]; then
    state=unavail
  fi
  printf '%-16s %-8s %-8s %s\n' "$s" "${pid:--}" "$state" "${URL[$s]:-}"
done
if [ -f "$LAB_DIR/lab.json" ]; then
  "$PY" - "$LAB_DIR/lab.json" <<'PYEOF'
import json, sys
lab = json.load(open(sys.argv[1]))
for name, c in lab["clouds"].items():
    counts = ", ".join(f"{k}={v}" for k, v in c["seeded"]["counts"].items() if v)
    print(f"{name}: {c['auth_url']} regions={','.join(c['regions'])} {counts}")
for u in lab.get("unavailable", []):
    print(f"unavailable: {u['service']}: {u['reason'][:200]}")
print(f"clouds.yaml: {lab['lab_dir']}/clouds.yaml   lab.json: {lab['lab_dir']}/lab.json")
PYEOF
fi
[ "${1:-}" = --memory ] && [ -d "$RUN" ] && "$PY" "$HERE/py/memory.py" "$RUN"
http_up "${URL[keystone-a]}" && http_up "${URL[keystone-b]}"
