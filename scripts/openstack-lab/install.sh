#!/usr/bin/env bash
# Installs the Debian packages the lab runs on (OpenStack Zed in Debian 12), and
# extracts the paste ini files that Debian only ships in the *-common packages,
# whose postinst scripts we must not run (they would create system users, /etc
# configs and services). Safe to re-run: does nothing when everything is there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PKGS=(python3-keystone uwsgi-core uwsgi-plugin-python3 python3-glance python3-glance-store
  python3-placement python3-nova rabbitmq-server python3-neutron python3-keystoneauth1
  python3-keystoneclient python3-novaclient python3-neutronclient python3-glanceclient
  python3-yaml apache2 libapache2-mod-auth-openidc sqlite3 curl openssl)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages and not root: ${missing[*]}"; exit 1
  fi
  # Debian starts daemons from postinst; with systemd that would put apache2 and
  # rabbitmq on all interfaces. policy-rc.d exit 101 forbids every auto-start.
  if [ ! -f /usr/sbin/policy-rc.d ] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d
  fi
  log "apt-get install ${missing[*]} (about 1.5 minutes when nothing is installed)"
  t0=$SECONDS
  timeout 300 apt-get update -q >"$LAB_DIR/apt-update.log" 2>&1 || log "apt-get update failed (see $LAB_DIR/apt-update.log), trying the install anyway"
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y --no-install-recommends "${missing[@]}" \
    >"$LAB_DIR/apt-install.log" 2>&1 || { log "apt-get install failed, see $LAB_DIR/apt-install.log"; exit 1; }
  log "apt done in $((SECONDS - t0)) s"
fi

# Paste pipelines, from the packages' files (downloaded, unpacked, never installed).
PASTE="$LAB_DIR/paste"
if [ ! -f "$PASTE/nova/api-paste.ini" ] || [ ! -f "$PASTE/glance/glance-api-paste.ini" ] || [ ! -f "$PASTE/neutron/api-paste.ini" ]; then
  tmp="$(mktemp -d)"
  ( cd "$tmp" && timeout 120 apt-get download glance-common nova-common neutron-common >/dev/null 2>&1 ) \
    || { log "apt-get download of the *-common packages failed"; rm -rf "$tmp"; exit 1; }
  for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$tmp/x"; done
  mkdir -p "$PASTE"/{nova,glance,neutron}
  cp "$tmp/x/usr/share/nova-common/api-paste.ini" "$PASTE/nova/"
  cp "$tmp/x/usr/share/glance-common/glance-api-paste.ini" "$PASTE/glance/"
  cp "$tmp/x/usr/share/neutron-common/api-paste.ini" "$PASTE/neutron/"
  rm -rf "$tmp"
fi
