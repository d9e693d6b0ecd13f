# Config fragments shared by the services that sit behind keystonemiddleware.
# shellcheck shell=bash

# [keystone_authtoken] (and the same shape for [placement], [neutron], [nova] client sections).
ks_auth_section() { # SECTION USER AUTH_URL
  cat <<EOF
[$1]
auth_type = password
auth_url = $3
www_authenticate_uri = $3
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $2
password = $SERVICE_PASSWORD
region_name = RegionOne
service_token_roles_required = true
EOF
}

# Runs `python3 -c CODE args` so the console scripts Debian does not ship are not needed.
pymain() { # MODULE ARGV0 ARGS...
  local mod="$1" argv0="$2"; shift 2
  "$PY" -c "import sys; sys.argv[0] = '$argv0'; from $mod import main; sys.exit(main())" "$@"
}
