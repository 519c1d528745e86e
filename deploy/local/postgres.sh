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

# The password of the server in DATA_DIR: a 0600 file beside it (.data/pg -> .data/pg.password).
pg_password_file() {
  echo "$1.password"
}

pg_new_password() {
  local pw
  pw=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "${pw:0:32}"
}

# pg_start DATA_DIR PORT [extra postgres -c settings...]: initialises DATA_DIR on first use (password
# authentication, scram-sha-256, for every connection), then starts it; a folder initialised with trust
# by an older version of these scripts is upgraded to a password first.
pg_start() {
  local data=$1 port=$2
  shift 2
  local bin pwfile
  bin=$(pg_bin_dir)
  pwfile=$(pg_password_file "$data")
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$data"
    chmod 700 "$data"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    local tmp status=0
    (umask 077 && pg_new_password >"$pwfile")
    # initdb runs as the postgres OS user, which must not read our file: it gets a private copy for a moment.
    tmp=$(mktemp)
    cat "$pwfile" >"$tmp"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$tmp"
    fi
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
      --pwfile="$tmp" -E UTF8 --no-sync >/dev/null || status=$?
    rm -f "$tmp"
    [ "$status" -eq 0 ] || return 1
  fi
  local opts="-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB"
  for setting in "$@"; do
    opts="$opts -c $setting"
  done
  pg_as_owner "$bin/pg_ctl" -D "$data" -o "$opts" -l "$data/server.log" -w -t 60 start >/dev/null || return 1
  pg_upgrade_trust "$data" "$port"
}

# The postmaster's pid, or nothing when the server in DATA_DIR is not running.
pg_server_pid() {
  local data=$1
  if [ -f "$data/postmaster.pid" ]; then
    head -n 1 "$data/postmaster.pid" 2>/dev/null || true
  fi
}

# A folder from before passwords: set one while trust still lets us in, then switch every trust line of
# pg_hba.conf to scram-sha-256 and reload.
pg_upgrade_trust() {
  local data=$1 port=$2 bin pwfile pw
  if ! pg_as_owner grep -Eq '^[[:space:]]*(local|host)[^#]*[[:space:]]trust[[:space:]]*$' "$data/pg_hba.conf"; then
    return 0
  fi
  bin=$(pg_bin_dir)
  pwfile=$(pg_password_file "$data")
  if [ ! -s "$pwfile" ]; then
    (umask 077 && pg_new_password >"$pwfile")
  fi
  pw=$(cat "$pwfile")
  # On standard input, so the password shows in no process list.
  printf "SET password_encryption = 'scram-sha-256';\nALTER ROLE postgres PASSWORD '%s';\n" "$pw" |
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qX -v ON_ERROR_STOP=1 postgres >/dev/null
  pg_as_owner sed -i -E '/^[[:space:]]*#/! s/[[:space:]]trust[[:space:]]*$/ scram-sha-256/' "$data/pg_hba.conf"
  pg_as_owner "$bin/pg_ctl" -D "$data" reload >/dev/null
  echo "PostgreSQL in $data now asks for a password (scram-sha-256); it is in $pwfile" >&2
}

pg_stop() {
  local data=$1
  local bin
  bin=$(pg_bin_dir)
  if [ -f "$data/postmaster.pid" ]; then
    pg_as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || true
  fi
}

# pg_conn PORT DB PASSWORD_FILE: an Npgsql connection string as the postgres role.
pg_conn() {
  local port=$1 db=$2 pwfile=$3
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$(cat "$pwfile");Database=$db"
}

# pg_psql PORT PASSWORD_FILE psql-arguments...: psql as the postgres role, the password in its environment only.
pg_psql() {
  local port=$1 pwfile=$2 bin
  shift 2
  bin=$(pg_bin_dir)
  PGPASSWORD=$(cat "$pwfile") "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -X "$@"
}

# pg_ensure_database PORT DB PASSWORD_FILE: creates the database unless it exists.
pg_ensure_database() {
  local port=$1 db=$2 pwfile=$3
  if ! pg_psql "$port" "$pwfile" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres | grep -q 1; then
    pg_psql "$port" "$pwfile" -qc "CREATE DATABASE $db" postgres
  fi
}
