#!/usr/bin/env bash
# `npm run test:real`: the client contract and the browser e2e against real OpenStack.
# Brings the lab up (scripts/openstack-lab/up.sh: installs its Debian packages when run
# as root), runs both suites, and always brings the lab down again, even when a suite
# fails or the run is interrupted. Exits non-zero when any phase failed; prints how long
# each phase took.
#   ARCHIPELAGO_LAB_DIR  the lab's folder (default /tmp/archipelago-lab)
#   E2E_PREVIEW_PORT     the console's preview port (default 4173); the lab allows it as a CORS origin
set -uo pipefail
cd "$(dirname "$0")/.."

LAB=scripts/openstack-lab
PREVIEW_PORT="${E2E_PREVIEW_PORT:-4173}"
declare -a SUMMARY=()
FAILED=0

# phase NAME COMMAND...: runs it, records its time and outcome; a failure does not stop the others.
phase() {
  local name="$1" start=$SECONDS status
  shift
  echo "== $name: $*"
  "$@"
  status=$?
  SUMMARY+=("$(printf '%-22s %4d s  %s' "$name" $((SECONDS - start)) "$([ $status = 0 ] && echo ok || echo "FAILED ($status)")")")
  [ $status = 0 ] || FAILED=1
  return $status
}

finish() {
  trap - EXIT INT TERM
  phase "lab down" "$LAB/down.sh"
  echo "== test:real summary"
  printf '%s\n' "${SUMMARY[@]}"
  exit $FAILED
}
trap finish EXIT
trap 'FAILED=1; finish' INT TERM

# The lab's CORS allows 4173 and 5173; a moved preview port is added for this run.
export ARCHIPELAGO_LAB_EXTRA_ORIGINS="${ARCHIPELAGO_LAB_EXTRA_ORIGINS:+$ARCHIPELAGO_LAB_EXTRA_ORIGINS,}http://127.0.0.1:$PREVIEW_PORT"

# up.sh exits 0 once both Keystones are up; services that could not start are listed in
# lab.json's "unavailable": contract tests that need them are skipped with that reason, and the
# browser specs that need them fail with it.
phase "lab up" "$LAB/up.sh" || exit
phase "contract (vitest)" npx vitest run --config vitest.real.config.ts
phase "browser packages" node scripts/ensure-system-packages.mjs \
  && phase "e2e (playwright)" npx playwright test -c playwright.real.config.ts
