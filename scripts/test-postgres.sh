#!/usr/bin/env bash
# Starts (start) or stops (stop) a throwaway PostgreSQL server for the storage contract tests.
# Prints the JDBC URL on start. Installs Debian's postgresql when no server binaries exist.
set -euo pipefail
dir=${GSV_TEST_PG_DIR:-/tmp/gsv-test-pg}
port=${GSV_TEST_PG_PORT:-55432}

bin_dir() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && dirname "$(command -v initdb)"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    bin=$(bin_dir || true)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
        bin=$(bin_dir)
      else
        echo "no PostgreSQL server binaries and not root to install them" >&2; exit 1
      fi
    fi
    "$0" stop >/dev/null 2>&1 || true
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    echo "jdbc:postgresql://127.0.0.1:$port/postgres"
    ;;
  stop)
    bin=$(bin_dir)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    ;;
esac
