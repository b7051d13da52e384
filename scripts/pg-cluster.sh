#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, run as a non-root user on a free port.
#   scripts/pg-cluster.sh start DIR   → prints DATABASE_URL=postgres://... on its last line
#   scripts/pg-cluster.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?cluster directory}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# PostgreSQL refuses to run as root: use the postgres system user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_pg "$bindir/initdb" -D "$dir" -U lumbung --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=1GB" \
      start >/dev/null
    echo "$port" > "$dir/port" 2>/dev/null || as_pg sh -c "echo $port > '$dir/port'"
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U lumbung lumbung 2>/dev/null || true
    echo "DATABASE_URL=postgres://lumbung@127.0.0.1:$port/lumbung"
    ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && as_pg "$bindir/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
