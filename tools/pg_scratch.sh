#!/usr/bin/env bash
# A scratch PostgreSQL cluster for the tests: initdb into a temporary folder as a
# non-root user (PostgreSQL refuses to run as root), listen on 127.0.0.1 only, on a
# free port, trust auth on loopback. `start` prints the URL to export as HEXIE_TEST_PG
# and the folder to pass to `stop`.
#   url=$(tools/pg_scratch.sh start /tmp/pg-xyz)   ...   tools/pg_scratch.sh stop /tmp/pg-xyz
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?folder}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl)")
user=postgres
id "$user" >/dev/null 2>&1 || user=nobody
as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_user "$bindir/initdb" -D "$dir/data" -U hexie -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    as_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "postgresql+psycopg://hexie@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
esac
