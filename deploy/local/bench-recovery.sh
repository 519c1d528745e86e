#!/usr/bin/env bash
# The recovery phase of the benchmark, on a stack run.sh is already running (ENERGY_DATA_DIR=DIR, one silo) whose
# N vehicles (bench load, prefix bench-) hold full windows and were activated (bench.sh's analytics warm-up does
# both). It waits until every one of them has stored its window (a vehicle does just after an activation that
# rebuilt it, then every Analytics:WindowStoreSeconds), starts single-reading ingestion on other devices, SIGKILLs silo0,
# starts it again through run.sh's control channel, and measures the seconds from the new silo being ready until
# every vehicle's analytics has answered and the fleet view is refreshed (then checks the answers against SQL), and
# committed readings/s during that time against before the kill. Writes DIR/recovery.json (or --json FILE).
#   deploy/local/bench-recovery.sh --data DIR [--vehicles 10000] [--prefix bench-] [--before 20] [--json FILE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data="" vehicles=10000 prefix=bench- before=20 json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --vehicles) vehicles=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ -z "$data" ] || [ ! -f "$data/stack.env" ]; then
  echo "--data must name the data folder of a running run.sh stack" >&2
  exit 2
fi
json=${json:-$data/recovery.json}
# shellcheck source=postgres.sh
. "$here/postgres.sh"
# shellcheck disable=SC1091 # written by run.sh, printf %q quoted.
. "$data/stack.env"
export ENERGY_BENCH_CONNECTION="$CONNECTION"
bench() { dotnet "$root/bench/EnergyActors.Benchmarks/bin/Release/net10.0/EnergyActors.Benchmarks.dll" "$@"; }
sim_dll="$root/src/Simulator/bin/Release/net10.0/EnergyActors.Simulator.dll"
now() { date +%s.%N; }

# sql QUERY: one value, through postgres.sh's psql (the password from run.sh's file, never the argument list).
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CONNECTION")
sql() { pg_psql "$pg_port" "$(pg_password_file "$data/pg")" -qtA -d energy -c "$1"; }
# History rows inserted so far, as PostgreSQL's statistics count them (flushed at least once a second).
inserted() { sql "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname ~ '^(vehicle|meter)_readings_' AND relname !~ 'staging'"; }
proc() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$data/stack.procs"; }
# ask VERB NAME: one request on run.sh's control channel (see control.sh); fails without an "ok" in 15 s.
ask() {
  local id="r$$-$RANDOM"
  # shellcheck disable=SC2016 # expanded by that bash.
  timeout 5 bash -c 'printf "%s\n" "$1" >"$2"' _ "$id $*" "$data/control"
  for _ in $(seq 1 150); do
    if [ -f "$data/control.d/$id" ]; then
      grep -q '^ok' "$data/control.d/$id" || { cat "$data/control.d/$id" >&2; exit 1; }
      rm -f "$data/control.d/$id"
      return 0
    fi
    sleep 0.1
  done
  echo "no answer from run.sh to '$*'" >&2
  exit 1
}

echo "== waiting until $vehicles vehicles have stored their windows"
deadline=$((SECONDS + 900))
until [ "$(sql "SELECT count(*) FROM vehicle_windows WHERE vehicle_id LIKE '${prefix}%'")" -ge "$vehicles" ]; do
  ((SECONDS < deadline)) || { echo "windows not stored within 900 s" >&2; exit 1; }
  sleep 2
done
bytes=$(sql "SELECT round(avg(octet_length(buckets))) FROM vehicle_windows WHERE vehicle_id LIKE '${prefix}%'")
sql "CHECKPOINT" >/dev/null

echo "== ingestion on other devices, ${before} s before the kill"
# Started directly (not through a shell function), so that $! is the load itself and the trap stops it.
dotnet "$sim_dll" ingest --gateway "$GATEWAY" --connection env:ENERGY_BENCH_CONNECTION --mode single --meters 2500 --vehicles 2500 \
  --concurrency 64 --warmup 0 --duration $((before + 300)) --prefix recovery- --json "$data/recovery-ingest.json" >"$data/recovery-ingest.log" 2>&1 &
load=$!
trap 'kill "$load" 2>/dev/null || true' EXIT
sleep 5
t0=$(now) rows0=$(inserted)
sleep "$before"
t1=$(now) rows1=$(inserted)

echo "== SIGKILL silo0, start it again"
kill -KILL "$(proc silo0 2)"
until [ "$(proc silo0 3)" = dead ] || [ "$(proc silo0 2)" = - ]; do sleep 0.1; done
ask start silo0
until curl -fsS -o /dev/null --max-time 2 "$(proc silo0 4)" 2>/dev/null; do sleep 0.1; done
t2=$(now) rows2=$(inserted)
# Timed from t2 by the check itself, which notes the rows inserted when everything was exact, then compares the
# answers with SQL untimed: neither its start-up nor its own queries count, and ingestion is rated up to that moment.
bench recovery-check --gateway "$GATEWAY" --connection env:ENERGY_BENCH_CONNECTION --vehicles "$vehicles" --prefix "$prefix" \
  --ready-at "$t2" --json "$json.check"
exact=$(sed -nE 's/.*"exact_s": *(-?[0-9.]+).*/\1/p' "$json.check")
rows_exact=$(sed -nE 's/.*"inserted_at_exact": *([0-9]+).*/\1/p' "$json.check")
wrong=$(sed -nE 's/.*"answers_not_equal_to_history": *([0-9]+).*/\1/p' "$json.check")
# At least 10 s of "during", so a quick recovery is not judged on a second or two of statistics.
if awk -v e="$exact" 'BEGIN { exit !(e >= 10) }'; then
  t4=$(awk -v a="$t2" -v e="$exact" 'BEGIN { printf "%.3f", a + e }') rows4=$rows_exact
else
  sleep "$(awk -v a="$t2" -v b="$(now)" 'BEGIN { d = a + 10 - b; print (d > 0 ? d : 0) }')"
  t4=$(now) rows4=$(inserted)
fi
kill "$load" 2>/dev/null || true
wait "$load" 2>/dev/null || true

# ready_to_exact_s is -1 when the answers were not all exact in time, or any differed from history.
awk -v b="$bytes" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t4="$t4" -v r0="$rows0" -v r1="$rows1" -v r2="$rows2" -v r4="$rows4" \
  -v exact="$exact" -v wrong="$wrong" -v check="$(tr -d '\n ' <"$json.check")" 'BEGIN {
    before = (r1 - r0) / (t1 - t0); during = (r4 - r2) / (t4 - t2)
    printf "{\"window_bytes\": %d, \"kill_to_ready_s\": %.1f, \"ready_to_exact_s\": %.1f, \"rate_before\": %.0f, \"rate_during\": %.0f, \"rate_during_pct\": %.0f, \"check\": %s}\n",
      b, t2 - t1, (wrong == 0 ? exact : -1), before, during, 100 * during / before, check
  }' | tee "$json"
rm -f "$json.check"
