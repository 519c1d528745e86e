#!/usr/bin/env bash
# The run command: PostgreSQL (Debian's package, installed when missing) in .data/pg on a free port, with a
# password, then N silos and the HTTP gateway on http://127.0.0.1:5000. When a silo, the gateway or
# PostgreSQL dies, it says so (terminal and .data/logs/run.log) and the rest keep serving; --restart starts
# the dead process again on its own ports. Ctrl+C or SIGTERM stops them in order (nginx, gateways, silos,
# database). A second run reuses .data/. .data/stack.pids lists the running processes' pids (name pid).
# --gateways N (N >= 2) or --lb: N gateways on ports of their own behind nginx (Debian's package, installed when
# missing) on HTTP_PORT. deploy/local/cluster.sh restarts, adds and removes processes of the running stack.
# Without --secure the gateway runs in anonymous local mode: requests without an API key act as an operator of
# fleet "default" (on loopback only). --secure requires keys and prints the admin key: Auth__BootstrapAdminKey
# when set, else one made at the first secure run and kept in .data/admin.key.
#   deploy/local/run.sh [--silos N] [--gateways N] [--lb] [--port HTTP_PORT] [--no-build] [--restart] [--secure]
# ENERGY_DATA_DIR moves .data/ elsewhere (the benchmark runs on a throwaway one); ENERGY_DEMO_SITES=0 skips the demo sites
# and the demo fleet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=postgres.sh
. "$here/postgres.sh"
# shellcheck source=stack.sh
. "$here/stack.sh"
# shellcheck source=control.sh
. "$here/control.sh"
# shellcheck source=nginx.sh
. "$here/nginx.sh"
# shellcheck source=console.sh
. "$here/console.sh"

silos=1
gateways=1
lb=0
http_port=5000
build=1
restart=0
secure=0
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=$2; shift 2 ;;
    --gateways) gateways=$2; shift 2 ;;
    --lb) lb=1; shift ;;
    --port) http_port=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --restart) restart=1; shift ;;
    --secure) secure=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$silos" in ''|*[!0-9]*|0) echo "--silos takes a whole number >= 1" >&2; exit 2 ;; esac
case "$gateways" in ''|*[!0-9]*|0) echo "--gateways takes a whole number >= 1" >&2; exit 2 ;; esac
if [ "$gateways" -ge 2 ]; then lb=1; fi

data="${ENERGY_DATA_DIR:-$root/.data}"
logs="$data/logs"
mkdir -p "$logs"
chmod 755 "$data"

pg_ensure_installed
if [ "$lb" -eq 1 ]; then nginx_ensure_installed; fi
pg_port=$(pg_free_port)
pg_password=$(pg_password_file "$data/pg")
pg_start "$data/pg" "$pg_port"
pg_ensure_database "$pg_port" energy "$pg_password"
export ConnectionStrings__Postgres
ConnectionStrings__Postgres="$(pg_conn "$pg_port" energy "$pg_password")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production

stop_all() {
  # Once stopping, a second Ctrl+C must not leave half the stack running; every wait below is bounded.
  trap '' INT TERM HUP
  trap - EXIT
  say "stopping..."
  # nginx and the gateways first (no new requests), then the silos, newest first (they drain their history
  # writers), then PostgreSQL.
  local i name
  control_close
  for name in nginx "${stack_names[@]}"; do
    if [[ "$name" == gateway* ]] || [ "$name" = nginx ]; then stack_stop "$name"; fi
  done
  for ((i = ${#stack_names[@]} - 1; i >= 0; i--)); do
    stack_stop "${stack_names[$i]}"
  done
  pg_stop "$data/pg"
  rm -f "$data/stack.env" "$data/stack.pids" "$data/stack.procs"
  say "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# The silos and gateway have sessions of their own, so a closed terminal no longer hangs them up: run.sh does.
trap 'exit 129' HUP

if [ "$build" -eq 1 ]; then
  # Before the .NET build, which copies the console into the gateway's output; without npm the API still runs.
  console_build || echo "the console at /console is not built; the API is unaffected" >&2
  dotnet build "$root/EnergyActors.sln" -c Release -nologo -v q
fi
bin() { echo "$root/src/$1/bin/Release/net10.0/EnergyActors.$1.dll"; }

# Each process keeps its ports for life, so a restarted silo or gateway comes back where it was. cluster.sh's
# add-silo calls define_silo too (control.sh), for silo$silo_next.
silo_next=0
define_silo() {
  local name=$1 http silo_port gateway_port
  http=$(pg_free_port)
  silo_port=$(pg_free_port)
  gateway_port=$(pg_free_port)
  stack_define "$name" "http://127.0.0.1:$http/health/ready" \
    env "Orleans__SiloPort=$silo_port" "Orleans__GatewayPort=$gateway_port" dotnet "$(bin Silo)" --urls "http://127.0.0.1:$http"
  stack_ports[$name]="silo_port=$silo_port gateway_port=$gateway_port"
  silo_next=$((silo_next + 1))
}
silo_urls=()
for ((i = 0; i < silos; i++)); do
  define_silo "silo$i"
  stack_start "silo$i"
  stack_wait_ready "silo$i"
  silo_urls+=("${stack_ready[silo$i]%/health/ready}")
done
# Who may call the gateway (the silos, already running, do not read these settings).
curl_config=""
if [ "$secure" -eq 1 ]; then
  unset Auth__AnonymousFleet
  if [ -z "${Auth__BootstrapAdminKey:-}" ]; then
    if [ ! -s "$data/admin.key" ]; then
      (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$data/admin.key")
    fi
    Auth__BootstrapAdminKey=$(cat "$data/admin.key")
  fi
  export Auth__BootstrapAdminKey
  # The demo sites belong to fleet "default", which the admin names (an admin key alone acts for every fleet). The key
  # reaches curl on its standard input, not in its arguments, which every user can read in the process list.
  curl_config="header = \"Authorization: Bearer $Auth__BootstrapAdminKey\""
  site_query="?fleetId=default"
else
  export Auth__AnonymousFleet=default
  site_query=""
fi

if [ "$lb" -eq 0 ]; then
  stack_define gateway "http://127.0.0.1:$http_port/health/ready" dotnet "$(bin Gateway)" --urls "http://127.0.0.1:$http_port"
  stack_start gateway
  stack_wait_ready gateway
else
  # Each gateway on a free loopback port, nginx on the public one (loopback too: see nginx.sh).
  gateway_ports=()
  for ((i = 0; i < gateways; i++)); do
    gateway_ports+=("$(pg_free_port)")
    stack_define "gateway$i" "http://127.0.0.1:${gateway_ports[$i]}/health/ready" dotnet "$(bin Gateway)" --urls "http://127.0.0.1:${gateway_ports[$i]}"
    stack_start "gateway$i"
  done
  for ((i = 0; i < gateways; i++)); do stack_wait_ready "gateway$i"; done
  nginx_write_config "$data/nginx" "$http_port" "${Gateway__MaxRequestBodyBytes:-4194304}" "${gateway_ports[@]}"
  stack_define nginx "http://127.0.0.1:$http_port/health/ready" "$(nginx_bin)" -p "$data/nginx" -e stderr -c "$data/nginx/nginx.conf"
  stack_start nginx
  stack_wait_ready nginx
fi

# Two demo sites of each type, simulating live on synthetic weather; a second run finds them (409) and
# they continue where they were.
demo_site() {
  printf '%s\n' "$curl_config" | curl -s -o /dev/null -K - -X POST "http://127.0.0.1:$http_port/v1/sites$site_query" -H 'Content-Type: application/json' -d "$1" || true
}
if [ "${ENERGY_DEMO_SITES:-1}" = 1 ]; then
  demo_site '{"siteId":"demo-home-berlin","name":"Home, Berlin","type":"residential","latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin","batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"intervalMinutes":1,"seed":101}'
  demo_site '{"siteId":"demo-home-sydney","name":"Home, Sydney","type":"residential","latitude":-33.87,"longitude":151.21,"timeZone":"Australia/Sydney","batteryCapacityKwh":13.5,"batteryMaxPowerKw":5,"solarCapacityKw":6.6,"inverterCapacityKw":5,"intervalMinutes":5,"seed":102}'
  demo_site '{"siteId":"demo-shop-madrid","name":"Shop, Madrid","type":"commercial","latitude":40.42,"longitude":-3.70,"timeZone":"Europe/Madrid","batteryCapacityKwh":100,"batteryMaxPowerKw":50,"solarCapacityKw":80,"inverterCapacityKw":60,"intervalMinutes":5,"seed":201}'
  demo_site '{"siteId":"demo-office-denver","name":"Office, Denver","type":"commercial","latitude":39.74,"longitude":-104.99,"timeZone":"America/Denver","batteryCapacityKwh":200,"batteryMaxPowerKw":100,"solarCapacityKw":150,"inverterCapacityKw":120,"intervalMinutes":1,"seed":202}'
  demo_site '{"siteId":"demo-plant-singapore","name":"Plant, Singapore","type":"industrial","latitude":1.35,"longitude":103.82,"timeZone":"Asia/Singapore","batteryCapacityKwh":500,"batteryMaxPowerKw":250,"solarCapacityKw":400,"inverterCapacityKw":300,"intervalMinutes":5,"seed":301}'
  demo_site '{"siteId":"demo-plant-rotterdam","name":"Plant, Rotterdam","type":"industrial","latitude":51.92,"longitude":4.48,"timeZone":"Europe/Amsterdam","batteryCapacityKwh":1000,"batteryMaxPowerKw":500,"solarCapacityKw":800,"inverterCapacityKw":600,"intervalMinutes":15,"seed":302}'
  # A demo fleet for the console: 30 vehicles and their chargers, their last day of readings sent in batches over
  # 20 s (a fifth of them charging badly; a vehicle plugs in every few days, so about a third have a verdict). In
  # anonymous mode only, where it ingests for fleet "default" without a key.
  if [ "$secure" -eq 0 ]; then
    dotnet "$(bin Simulator)" fleet --gateway "http://127.0.0.1:$http_port" --vehicles 30 --meters 30 --faulty-share 0.2 \
      --duration 20s --speedup 4320 --batch 200 --prefix demo- >"$logs/demo-fleet.log" 2>&1 &
  fi
fi

# For scripts driving this stack (bench.sh, cluster.sh): where it is. It holds the password, so it is ours alone.
control_open
(umask 077 && printf 'CONNECTION=%q\nGATEWAY=%q\nCLUSTER_ID=%q\n' "$ConnectionStrings__Postgres" "http://127.0.0.1:$http_port" \
  "${Orleans__ClusterId:-energy-local}" >"$data/stack.env")
if [ "$secure" -eq 1 ]; then
  (umask 077 && printf 'ADMIN_KEY=%q\n' "$Auth__BootstrapAdminKey" >>"$data/stack.env")
  access="API keys required; admin key: $Auth__BootstrapAdminKey
             (send 'Authorization: Bearer <key>'; create fleets and their keys under /v1/admin)"
else
  access="anonymous local mode: requests without a key act as an operator of fleet 'default' (--secure requires keys)"
fi

cat <<INFO

EnergyActors is running ($silos silo(s), $gateways gateway(s)$([ "$lb" -eq 1 ] && echo ' behind nginx')$([ "$restart" -eq 1 ] && echo ', restarted when they die')).
  Console    http://127.0.0.1:$http_port/console/
  API        http://127.0.0.1:$http_port/v1/...
  API page   http://127.0.0.1:$http_port/api
  OpenAPI    http://127.0.0.1:$http_port/openapi/v1.json
  Health     http://127.0.0.1:$http_port/health/ready
  Metrics    http://127.0.0.1:$http_port/metrics
  Demo sites http://127.0.0.1:$http_port/v1/sites   (e.g. /v1/sites/demo-home-berlin/status after its first minute)
  Access     $access
  Silos      ${silo_urls[*]}   (each has /health/ready and /metrics)
  PostgreSQL Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=energy   (password in $pg_password)
  Logs       $logs/   (run.log says what died and when)
  Pids       $data/stack.pids
  Control    deploy/local/cluster.sh status | rolling-restart | add-silo | remove-silo | restart-gateway
Press Ctrl+C to stop.
INFO

# Runs until a signal arrives, watching the processes once a second and answering cluster.sh's requests in
# between (say reports on fd 3; bash's own notice of a killed background job would only repeat it).
while true; do
  {
    stack_watch
    control_poll
    sleep 1
  } 2>/dev/null
done
