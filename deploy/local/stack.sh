# shellcheck shell=bash
# Used by run.sh: starts, watches, restarts and stops the stack's processes. Expects $data, $logs and
# $restart (1 to restart dead processes) and postgres.sh's functions, with $pg_port for PostgreSQL.
# A process stopped on purpose (stack_stop_async, asked by cluster.sh through control.sh) is "held": its
# exit is reported as a stop, not a death, and --restart leaves it stopped until it is started again.
# shellcheck disable=SC2154 # those variables are run.sh's, which sources this file.

declare -a stack_names=()
declare -A stack_cmd=() stack_ready=() stack_pid=() stack_started=() stack_starting=() stack_next=() stack_delay=()
# stack_stopping: when to SIGKILL a process stopping on purpose; stack_held: stopped on purpose; stack_removing: to
# forget once stopped; stack_ports: extra ports for stack.procs ("silo_port=… gateway_port=…").
declare -A stack_stopping=() stack_held=() stack_removing=() stack_ports=()
stack_pg_down=""

# say MESSAGE: to the terminal and to run.log, with the time, for what happens to the stack while it runs.
# Through fd 3 (run.sh's stderr), because the watch loop silences bash's own "Killed" job notices.
exec 3>&2
say() {
  printf '%s %s\n' "$(date '+%F %T')" "$*" | tee -a "$logs/run.log" >&3
}

# stack_define NAME READY_URL COMMAND...: a process of the stack, started later by stack_start.
stack_define() {
  local name=$1 ready=$2
  shift 2
  stack_names+=("$name")
  stack_ready[$name]=$ready
  stack_cmd[$name]=$(printf '%q ' "$@")
}

# Keeps the last five logs of a process (name.log.1 is the one before), so a restart overwrites nothing.
stack_rotate() {
  local log=$1 n
  [ -s "$log" ] || return 0
  for n in 4 3 2 1; do
    if [ -f "$log.$n" ]; then mv -f "$log.$n" "$log.$((n + 1))"; fi
  done
  mv -f "$log" "$log.1"
}

stack_start() {
  local name=$1 log="$logs/$1.log"
  stack_rotate "$log"
  # A session of its own: Ctrl+C in the terminal reaches run.sh alone, which then stops everything in
  # order. exec keeps $! the process itself, so a pid in stack.pids is what a test or operator can signal.
  (eval "exec setsid ${stack_cmd[$name]}") >"$log" 2>&1 &
  stack_pid[$name]=$!
  stack_started[$name]=$SECONDS
  stack_next[$name]=""
  stack_held[$name]=""
  stack_write_pids
}

# Blocks until NAME is ready (start-up); fails if it exits or is not ready within 90 s.
stack_wait_ready() {
  local name=$1 pid=${stack_pid[$1]}
  for _ in $(seq 1 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up; see $logs/$name.log" >&2
      tail -n 30 "$logs/$name.log" >&2
      return 1
    fi
    if curl -fsS -o /dev/null --max-time 2 "${stack_ready[$name]}" 2>/dev/null; then
      return 0
    fi
    sleep 0.3
  done
  echo "$name did not become ready at ${stack_ready[$name]}" >&2
  return 1
}

# stack.pids, name pid per line: run.sh itself, PostgreSQL's postmaster, then every process that is running now.
# stack.procs, for cluster.sh, every process defined: name pid (- when none) state ready-URL [ports...].
stack_write_pids() {
  local name pg state
  pg=$(pg_server_pid "$data/pg")
  {
    echo "run $$"
    [ -z "$pg" ] || echo "postgres $pg"
    for name in "${stack_names[@]}"; do
      [ -z "${stack_pid[$name]:-}" ] || echo "$name ${stack_pid[$name]}"
    done
  } >"$data/stack.pids.tmp"
  mv -f "$data/stack.pids.tmp" "$data/stack.pids"
  for name in "${stack_names[@]}"; do
    if [ -n "${stack_stopping[$name]:-}" ]; then state=stopping
    elif [ -n "${stack_pid[$name]:-}" ]; then state=$([ -n "${stack_starting[$name]:-}" ] && echo starting || echo running)
    elif [ -n "${stack_held[$name]:-}" ]; then state=stopped
    else state=dead; fi
    echo "$name ${stack_pid[$name]:--} $state ${stack_ready[$name]} ${stack_ports[$name]:-}"
  done >"$data/stack.procs.tmp"
  mv -f "$data/stack.procs.tmp" "$data/stack.procs"
}

# stack_stop_async NAME [remove]: SIGTERM now; the watch loop reports the exit as a stop (and forgets NAME when
# removing), and SIGKILLs it should it still run after 60 s.
stack_stop_async() {
  local name=$1
  stack_stopping[$name]=$((SECONDS + 60))
  stack_removing[$name]=${2:-}
  stack_next[$name]=""
  kill -TERM "${stack_pid[$name]}" 2>/dev/null || true
  stack_write_pids
}

stack_forget() {
  local name=$1 n kept=()
  for n in "${stack_names[@]}"; do
    [ "$n" = "$name" ] || kept+=("$n")
  done
  stack_names=("${kept[@]}")
  unset "stack_cmd[$name]" "stack_ready[$name]" "stack_pid[$name]" "stack_held[$name]" "stack_ports[$name]"
}

stack_describe() {
  local status=$1
  if [ "$status" -gt 128 ]; then
    echo "killed by SIG$(kill -l $((status - 128)) 2>/dev/null || echo $((status - 128)))"
  else
    echo "exit status $status"
  fi
}

# One look at NAME: reports a death (and schedules a restart with --restart), starts it again when due,
# and reports a restarted process once it is ready. Never fails, so the watch loop keeps going.
stack_check() {
  local name=$1 pid=${stack_pid[$1]:-} status=0 delay
  if [ -n "$pid" ]; then
    if kill -0 "$pid" 2>/dev/null; then
      if [ -n "${stack_stopping[$name]:-}" ] && ((SECONDS > stack_stopping[$name])); then
        say "$name (pid $pid) did not stop within 60 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
      elif [ -n "${stack_starting[$name]:-}" ] && curl -fsS -o /dev/null --max-time 2 "${stack_ready[$name]}" 2>/dev/null; then
        say "$name (pid $pid) is ready$([ "${stack_starting[$name]}" = added ] || echo ' again')"
        stack_starting[$name]=""
        stack_write_pids
      fi
      return 0
    fi
    wait "$pid" 2>/dev/null || status=$?
    stack_pid[$name]=""
    stack_starting[$name]=""
    if [ -n "${stack_stopping[$name]:-}" ]; then
      stack_stopping[$name]=""
      stack_held[$name]=1
      say "$name (pid $pid) stopped as asked ($(stack_describe "$status"))"
      if [ -n "${stack_removing[$name]:-}" ]; then
        stack_forget "$name"
        say "$name removed from the stack"
      fi
      stack_write_pids
      return 0
    fi
    stack_write_pids
    say "$name (pid $pid) died ($(stack_describe "$status")); the rest of the stack keeps running; its log: $logs/$name.log"
    if [ "$restart" -ne 1 ]; then
      return 0
    fi
    # Back off while it keeps dying soon after starting (1, 2, 4 … 30 s), so a broken build does not spin.
    delay=1
    if ((SECONDS - stack_started[$name] < 30)); then
      delay=$((${stack_delay[$name]:-0} * 2))
      ((delay >= 1)) || delay=1
      ((delay <= 30)) || delay=30
    fi
    stack_delay[$name]=$delay
    stack_next[$name]=$((SECONDS + delay))
    say "restarting $name in ${delay} s on its own ports"
  elif [ -n "${stack_next[$name]:-}" ] && ((SECONDS >= stack_next[$name])); then
    stack_start "$name"
    stack_starting[$name]=1
    say "$name started again (pid ${stack_pid[$name]}); log: $logs/$name.log"
  fi
  return 0
}

stack_check_postgres() {
  local pid
  pid=$(pg_server_pid "$data/pg")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    stack_pg_down=""
    return 0
  fi
  if [ -z "$stack_pg_down" ]; then
    stack_pg_down=1
    say "PostgreSQL died; requests are answered 503 until it is back; its log: $data/pg/server.log"
  fi
  if [ "$restart" -eq 1 ] && pg_start "$data/pg" "$pg_port" 2>>"$logs/run.log"; then
    stack_pg_down=""
    stack_write_pids
    say "PostgreSQL started again on port $pg_port"
  fi
  return 0
}

stack_watch() {
  local name
  for name in "${stack_names[@]}"; do
    stack_check "$name"
  done
  stack_check_postgres
}

# SIGTERM, then SIGKILL if it has not stopped within 60 s.
stack_stop() {
  local name=$1 pid=${stack_pid[$1]:-}
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "$name did not stop within 60 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  stack_pid[$name]=""
}
