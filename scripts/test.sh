#!/usr/bin/env bash
# Runs every test: installs what is missing (Debian packages), starts a private PostgreSQL
# for the run, runs the whole solution's tests, stops PostgreSQL. Needs root on Debian and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# grep -q would close the pipe early and, under pipefail, fail the check though the font is there.
fc-list 2>/dev/null | grep "Liberation Serif" >/dev/null || need+=(fonts-liberation2)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need+=(python3-aiosmtpd)
# The load balancer in front of two app instances (TwoInstancesTests starts its own, on a free port).
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  # Packages must not start their services (nginx on port 80): the tests start their own servers.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; made_policy=1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  if [ $made_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
fi

# Each test host may start file watchers; a busy machine's default of 128 inotify instances is too few.
if [ "$(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024)" -lt 1024 ]; then
  sysctl -qw fs.inotify.max_user_instances=1024 2>/dev/null || export DOTNET_USE_POLLING_FILE_WATCHER=1
fi

# A private PostgreSQL cluster on a free port, owned by the postgres user (the server refuses root).
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
run=$(mktemp -d /tmp/danvan-test.XXXXXX)
chmod 755 "$run"
mkdir -p "$run/pg" "$run/sock" && chown postgres:postgres "$run/pg" "$run/sock"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stop_pg() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$run/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$run"; }
trap stop_pg EXIT
runuser -u postgres -- "$pgbin/initdb" -D "$run/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$run/pg" -l "$run/pg/server.log" -w \
  -o "-p $port -k $run/sock -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export DANVAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
export DANVAN_CHROMIUM=/usr/bin/chromium
export DANVAN_TEST_ARTIFACTS="$root/artifacts/test"
mkdir -p "$DANVAN_TEST_ARTIFACTS"

status=0
dotnet test DanVan.slnx 2>&1 | tee "$run/test.log" || status=$?

# One plain closing line for CI: "Tests: N passed, N failed, N skipped". With several test projects the
# summary lists each project before the totals, so take the last "succeeded:"/"failed:"/"skipped:" lines.
count() { awk -v key="$1:" '$1 == key {v = $2} END {print v}' "$run/test.log"; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit $status
