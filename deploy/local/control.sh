# shellcheck shell=bash
# Used by run.sh: the control channel through which cluster.sh asks run.sh, which owns the stack's processes, to
# stop, start, add or remove one. run.sh's watch loop handles what is waiting in the FIFO .data/control each
# time it has looked at every process, once a second.
#
# Protocol: one line per request, "ID VERB [NAME]", written to the FIFO (a write this short is atomic, so
# concurrent requests never interleave); the answer, "ok ..." or "error ...", appears as the file
# .data/control.d/ID (written whole, then renamed into place). Verbs:
#   stop NAME     SIGTERM, the exit reported as a stop; NAME stays stopped (also with --restart) until started
#   start NAME    starts a stopped process again on its own ports, with a fresh log (the previous ones rotated)
#   add-silo      defines and starts one more silo on new ports (run.sh's define_silo); answers its name
#   remove NAME   stops a silo and forgets it; never the last silo still running
# Both files are the owner's alone: whoever may write the FIFO may stop the stack.
# shellcheck disable=SC2154,SC2034,SC2004 # $data, $silo_next and the stack_* arrays are run.sh's and stack.sh's.

control_open() {
  control_fifo="$data/control"
  control_replies="$data/control.d"
  rm -rf "$control_fifo" "$control_replies"
  mkfifo -m 600 "$control_fifo"
  mkdir -m 700 "$control_replies"
  # Read-write, so the FIFO never reports end-of-file when a writer closes it and reads never block on open.
  exec 4<>"$control_fifo"
}

control_close() {
  [ -n "${control_fifo:-}" ] || return 0
  exec 4<&-
  rm -rf "$control_fifo" "$control_replies"
}

# Handles every request waiting, without waiting for one. (Not `read -t 1` in place of the loop's sleep: bash 5.2
# crashes when the SIGTERM trap, which stops the stack, runs inside a timed read.)
control_poll() {
  local id verb name
  while read -r -t 0 -u 4; do
    read -r -u 4 id verb name || return 0
    [[ "$id" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || continue
    control_answer="error unknown request: ${verb:-}"
    control_handle "${verb:-}" "${name:-}"
    printf '%s\n' "$control_answer" >"$control_replies/$id.tmp"
    mv -f "$control_replies/$id.tmp" "$control_replies/$id"
  done
  return 0
}

# Sets control_answer (in this shell: the stack's arrays must change here, not in a subshell).
control_handle() {
  local verb=$1 name=$2 pid
  if [ "$verb" = add-silo ]; then
    name="silo$silo_next"
  elif [ -z "$name" ] || [ -z "${stack_cmd[$name]:-}" ]; then
    control_answer="error no process named '$name'"
    return 0
  fi
  pid=${stack_pid[$name]:-}
  case "$verb" in
    stop | remove)
      if [ -z "$pid" ] || [ -n "${stack_stopping[$name]:-}" ]; then
        control_answer="error $name is not running"
      elif [ "$verb" = remove ] && [[ "$name" != silo* ]]; then
        control_answer="error only silos can be removed"
      elif [ "$verb" = remove ] && [ "$(control_silos_running_except "$name")" -eq 0 ]; then
        control_answer="error $name is the last silo running; it stays"
      else
        say "$name (pid $pid): $([ "$verb" = remove ] && echo removing || echo stopping), as asked by cluster.sh"
        stack_stop_async "$name" "$([ "$verb" = remove ] && echo 1)"
        control_answer="ok $pid"
      fi
      ;;
    start)
      if [ -n "$pid" ]; then
        control_answer="error $name is running (pid $pid)"
      else
        stack_start "$name"
        stack_starting[$name]=1
        stack_write_pids
        say "$name started again (pid ${stack_pid[$name]}), as asked by cluster.sh; log: $logs/$name.log"
        control_answer="ok ${stack_pid[$name]}"
      fi
      ;;
    add-silo)
      define_silo "$name"
      stack_start "$name"
      stack_starting[$name]=added
      stack_write_pids
      say "$name added (pid ${stack_pid[$name]}, ${stack_ports[$name]}), as asked by cluster.sh; log: $logs/$name.log"
      control_answer="ok $name ${stack_pid[$name]}"
      ;;
  esac
}

control_silos_running_except() {
  local except=$1 n count=0
  for n in "${stack_names[@]}"; do
    if [[ "$n" == silo* ]] && [ "$n" != "$except" ] && [ -n "${stack_pid[$n]:-}" ] && [ -z "${stack_stopping[$n]:-}" ]; then
      count=$((count + 1))
    fi
  done
  echo "$count"
}
