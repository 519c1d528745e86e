# shellcheck shell=bash
# Shared by run.sh, test.sh and bench scripts: Debian's PostgreSQL, a private instance in a data
# folder on a free loopback port, run as the `postgres` OS user when we are root.

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

# Installs Debian's server package when no server binaries are present (a fresh machine).
pg_ensure_installed() {
  if [ -n "$(pg_bin_dir)" ]; then
    return 0
  fi
  echo "PostgreSQL server not found; installing Debian's package..." >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "installing PostgreSQL needs root (apt-get install postgresql)" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The package's own cluster is not used; ours lives in a data folder of our choosing.
  apt-get install -y -qq --no-install-recommends postgresql >&2
  [ -n "$(pg_bin_dir)" ]
}

# A loopback port nobody listens on.
pg_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( (RANDOM % 20000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_start DATA_DIR PORT [extra postgres -c settings...]: initialises DATA_DIR on first use, then starts it.
pg_start() {
  local data=$1 port=$2
  shift 2
  local bin
  bin=$(pg_bin_dir)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$data"
    chmod 700 "$data"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  fi
  local opts="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB"
  for setting in "$@"; do
    opts="$opts -c $setting"
  done
  pg_as_owner "$bin/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null
}

pg_stop() {
  local data=$1
  local bin
  bin=$(pg_bin_dir)
  if [ -f "$data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || true
  fi
}

pg_conn() {
  local port=$1 db=${2:-postgres}
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
}

# Creates database $2 on the server at port $1 unless it exists.
pg_ensure_database() {
  local port=$1 db=$2 bin
  bin=$(pg_bin_dir)
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db" postgres
  fi
}
