#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on loopback for the tests and prints the DSN of its empty
# database. Usage: scripts/postgres-scratch.sh start  -> prints DSN, data dir in $CENTRIC_PG_DIR
#                  scripts/postgres-scratch.sh stop DIR
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' system user
# that Debian's package creates.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/centric-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=${CENTRIC_PG_PORT:-}
    if [ -z "$port" ]; then
      for candidate in $(seq 55432 55499); do
        if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then port=$candidate; break; fi
      done
    fi
    as_server_user "$PGBIN/initdb" -D "$dir/data" -A trust -U centric --encoding=UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a scratch database for tests, thrown away afterwards.
    as_server_user "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_server_user "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U centric centric_test
    echo "$dir postgresql://centric@127.0.0.1:$port/centric_test"
    ;;
  stop)
    dir=${2:?usage: $0 stop DIR}
    as_server_user "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
