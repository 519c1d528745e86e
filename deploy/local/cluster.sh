#!/usr/bin/env bash
# Controls the stack run.sh is running (same ENERGY_DATA_DIR), through run.sh, which owns the processes: it asks
# run.sh to stop or start one (control.sh), so run.sh never mistakes a planned stop for a death nor restarts it.
#   deploy/local/cluster.sh status                  processes, pids, ports, readiness, cluster membership
#   deploy/local/cluster.sh rolling-restart [--gateways] [--settle SECONDS]
#       every silo in turn: SIGTERM (graceful: its grains deactivate, it leaves the membership), wait for the exit,
#       start it on its ports, wait for /health/ready and for its row in the membership table to be Active, settle
#       (default 5 s); with --gateways, then every gateway behind nginx in turn
#   deploy/local/cluster.sh add-silo                one more silo on new ports; returns once it is Active
#   deploy/local/cluster.sh remove-silo [NAME]      stops a silo (default: the newest) for good; never the last
#   deploy/local/cluster.sh restart-gateway [NAME]  one gateway behind nginx (default: gateway0), gracefully
# Each step is logged to .data/logs/run.log; every wait is bounded and a step that overruns fails the command.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=postgres.sh
. "$here/postgres.sh"

data="${ENERGY_DATA_DIR:-$root/.data}"
settle=${CLUSTER_SETTLE_SECONDS:-5}
fail() { echo "cluster.sh: $*" >&2; exit 1; }
log() { printf '%s cluster.sh: %s\n' "$(date '+%F %T')" "$*" | tee -a "$data/logs/run.log"; }

{ [ -f "$data/stack.env" ] && [ -p "$data/control" ]; } || fail "no running stack in $data (start deploy/local/run.sh first)"
run_pid=$(awk '$1 == "run" { print $2 }' "$data/stack.pids")
kill -0 "$run_pid" 2>/dev/null || fail "run.sh (pid $run_pid) is not running"
CONNECTION="" CLUSTER_ID=""
# shellcheck disable=SC1091 # written by run.sh, printf %q quoted.
. "$data/stack.env"

# ask VERB [NAME]: one request to run.sh; prints its answer without the "ok", fails on an error or no answer in 15 s.
ask() {
  local id="c$$-$RANDOM" answer=""
  # The FIFO has a reader while run.sh runs; should it have just gone, the write must not block forever.
  # shellcheck disable=SC2016 # expanded by that bash.
  timeout 5 bash -c 'printf "%s\n" "$1" >"$2"' _ "$id $*" "$data/control" || fail "run.sh does not read its control channel"
  for _ in $(seq 1 150); do
    if [ -f "$data/control.d/$id" ]; then
      answer=$(cat "$data/control.d/$id")
      rm -f "$data/control.d/$id"
      break
    fi
    sleep 0.1
  done
  case "$answer" in
    ok*) echo "${answer#ok }" ;;
    "") fail "no answer from run.sh to '$*' within 15 s" ;;
    *) fail "run.sh: ${answer#error }" ;;
  esac
}

# proc NAME FIELD: from stack.procs (name pid state ready-url ports...); FIELD 2 pid, 3 state, 4 ready URL.
proc() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$data/stack.procs"; }
silo_port() { awk -v n="$1" '$1 == n { for (i = 5; i <= NF; i++) if ($i ~ /^silo_port=/) print substr($i, 11) }' "$data/stack.procs"; }
names() { awk -v p="$1" 'index($1, p) == 1 { print $1 }' "$data/stack.procs"; }

# The newest membership row of the silo on PORT: "generation status", nothing when it never joined.
membership() {
  local conn=";$CONNECTION;" port
  port=$(sed -E 's/.*;Port=([0-9]+);.*/\1/' <<<"$conn")
  PGPASSWORD=$(sed -E 's/.*;Password=([^;]*);.*/\1/' <<<"$conn") "$(pg_bin_dir)/psql" -h 127.0.0.1 -p "$port" -U postgres -XAtq \
    -F ' ' -v cid="$CLUSTER_ID" -v port="$1" energy 2>/dev/null <<'SQL' || true
SELECT generation, status FROM orleansmembershiptable
WHERE deploymentid = :'cid' AND address = '127.0.0.1' AND port = :'port'::int ORDER BY generation DESC LIMIT 1;
SQL
}
status_name() {
  case "$1" in
    1) echo Created ;; 2) echo Joining ;; 3) echo Active ;; 4) echo ShuttingDown ;; 5) echo Stopping ;; 6) echo Dead ;; *) echo "-" ;;
  esac
}
ready() { curl -fsS -o /dev/null --max-time 2 "$(proc "$1" 4)" 2>/dev/null; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND every 0.3 s.
wait_until() {
  local seconds=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || fail "$what not within $seconds s"
    sleep 0.3
  done
}
is_state() { [ "$(proc "$1" 3)" = "$2" ]; }
is_gone() { [ -z "$(proc "$1" 1)" ]; }
is_active_after() { local m; m=$(membership "$2"); [ -n "$m" ] && [ "${m% *}" -gt "$3" ] && [ "${m#* }" -eq 3 ]; }

# restart NAME: stop (graceful, up to run.sh's 60 s), start on the same ports, ready, Active for a silo, settle.
restart() {
  local name=$1 port="" generation=0 old new started
  started=$SECONDS
  [ -n "$(proc "$name" 1)" ] || fail "no process named '$name'"
  if [[ "$name" == silo* ]]; then
    port=$(silo_port "$name")
    generation=$(membership "$port")
    generation=${generation% *}
  fi
  old=$(ask stop "$name")
  log "$name (pid $old): stopping"
  wait_until 75 "$name stopped" is_state "$name" stopped
  new=$(ask start "$name")
  log "$name stopped after $((SECONDS - started)) s; started again (pid $new)"
  wait_until 90 "$name ready" ready "$name"
  if [ -n "$port" ]; then
    wait_until 60 "$name Active in the cluster membership" is_active_after "$name" "$port" "${generation:-0}"
  fi
  log "$name (pid $new) ready$([ -n "$port" ] && echo ' and Active') $((SECONDS - started)) s after the stop began; settling ${settle} s"
  sleep "$settle"
}

print_status() {
  local name pid state url ports member
  printf '%-10s %-8s %-9s %-7s %-10s %s\n' NAME PID STATE READY MEMBER PORTS
  while read -r name pid state url ports; do
    member="-"
    if [[ "$name" == silo* ]]; then
      member=$(membership "$(silo_port "$name")")
      if [ -n "$member" ]; then member=$(status_name "${member#* }"); else member="-"; fi
    fi
    printf '%-10s %-8s %-9s %-7s %-10s %s\n' "$name" "$pid" "$state" "$(ready "$name" && echo yes || echo no)" "$member" \
      "http=$(sed -E 's|.*:([0-9]+)/.*|\1|' <<<"$url") ${ports:-}"
  done <"$data/stack.procs"
  printf '%-10s %-8s\n' run "$run_pid"
  printf '%-10s %-8s %s\n' postgres "$(awk '$1 == "postgres" { print $2 }' "$data/stack.pids")" "${CONNECTION%%;Username*}"
}

command=${1:-}
[ $# -eq 0 ] || shift
case "$command" in
  status) print_status; exit 0 ;;
  rolling-restart | add-silo | remove-silo | restart-gateway) ;;
  -h | --help | "") sed -n '2,12p' "$0"; exit 0 ;;
  *) fail "unknown command '$command' (see --help)" ;;
esac

# One changing command at a time: two rolling restarts at once could stop every silo together.
exec 9>"$data/cluster.lock"
flock -n 9 || fail "another cluster.sh is changing the stack"

case "$command" in
  rolling-restart)
    with_gateways=0
    while [ $# -gt 0 ]; do
      case "$1" in
        --gateways) with_gateways=1; shift ;;
        --settle) settle=$2; shift 2 ;;
        *) fail "unknown option '$1'" ;;
      esac
    done
    mapfile -t silos < <(names silo)
    [ "${#silos[@]}" -ge 2 ] || log "only one silo: the cluster cannot serve while it restarts"
    log "rolling restart of ${silos[*]}"
    for name in "${silos[@]}"; do restart "$name"; done
    if [ "$with_gateways" -eq 1 ]; then
      mapfile -t gws < <(names gateway)
      if [ -z "$(proc nginx 1)" ]; then
        log "one gateway, no nginx in front (run.sh --gateways 2): not restarting it"
      else
        for name in "${gws[@]}"; do restart "$name"; done
      fi
    fi
    log "rolling restart done"
    ;;
  add-silo)
    read -r name pid <<<"$(ask add-silo)"
    log "$name (pid $pid) added; waiting until it is ready and Active"
    wait_until 90 "$name ready" ready "$name"
    wait_until 60 "$name Active in the cluster membership" is_active_after "$name" "$(silo_port "$name")" 0
    log "$name (pid $pid) is Active"
    ;;
  remove-silo)
    name=${1:-$(names silo | tail -n 1)}
    pid=$(ask remove "$name")
    log "$name (pid $pid): removing"
    wait_until 75 "$name stopped" is_gone "$name"
    log "$name removed"
    ;;
  restart-gateway)
    name=${1:-gateway0}
    [[ "$name" == gateway* ]] || fail "'$name' is not a gateway"
    [ -n "$(proc nginx 1)" ] || log "no nginx in front of $name: clients are refused while it restarts"
    restart "$name"
    log "$name restarted"
    ;;
esac
