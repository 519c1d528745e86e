# shellcheck shell=bash
# shellcheck disable=SC2154 # set by bench.sh, listed under "Reads" below
# Sourced by bench.sh: what each timed run is wrapped in. Before it, a CHECKPOINT and a bounded wait until the kernel
# has written back its dirty pages and no autovacuum worker runs; around it, snapshots of PostgreSQL's counters, so
# the report can say whether the disk or the code was slow.
#   bench_timed NAME FUNCTION   runs FUNCTION RUN FILE for RUN = 1..$repeats; FUNCTION writes its figures to FILE
#   bench_once NAME FUNCTION    the same, once
# Reads: $out, $pg_port, $pg_pwfile, $settle_max.

settle_dirty_kb=32768
bench_failures=()

bench_sql() {
  pg_psql "$pg_port" "$pg_pwfile" -qtA -v ON_ERROR_STOP=1 -d "${2:-energy}" -c "$1"
}

# WAL sync timing is off by default; the bench's own throwaway server may turn it on. PostgreSQL 15 keeps the WAL
# syncs in pg_stat_wal; later versions move them to pg_stat_io (object 'wal').
bench_prepare_statistics() {
  bench_sql "ALTER SYSTEM SET track_wal_io_timing = on" >/dev/null
  bench_sql "SELECT pg_reload_conf()" >/dev/null
  if [ "$(bench_sql "SELECT count(*) FROM pg_attribute WHERE attrelid = 'pg_stat_wal'::regclass AND attname = 'wal_sync'")" = 1 ]; then
    wal_syncs="(SELECT json_build_object('walSync', wal_sync, 'walSyncTimeMs', wal_sync_time) FROM pg_stat_wal)"
  else
    wal_syncs="(SELECT json_build_object('walSync', coalesce(sum(fsyncs), 0), 'walSyncTimeMs', coalesce(sum(fsync_time), 0)) FROM pg_stat_io WHERE object = 'wal')"
  fi
  echo "PostgreSQL $(bench_sql "SHOW server_version"), track_wal_io_timing $(bench_sql "SHOW track_wal_io_timing")"
}

# One line of JSON: the server's cumulative counters now (all databases), and autovacuum's activity.
bench_pg_snapshot() {
  bench_sql "SELECT json_build_object(
      'at', extract(epoch FROM clock_timestamp()),
      'xactCommit', (SELECT sum(xact_commit) FROM pg_stat_database),
      'tupInserted', (SELECT sum(tup_inserted) FROM pg_stat_database),
      'walBytes', (SELECT wal_bytes FROM pg_stat_wal),
      'walRecords', (SELECT wal_records FROM pg_stat_wal),
      'autovacuumWorkers', (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'),
      'autovacuumRuns', (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_all_tables)
    )::jsonb || $wal_syncs::jsonb"
}

dirty_kb() { awk '/^Dirty:/ { print $2 }' /proc/meminfo; }

# bench_settle FILE: CHECKPOINT, then wait (at most $settle_max s) for Dirty ≤ 32 MB and no autovacuum worker.
bench_settle() {
  local file=$1 started now dirty_before dirty workers waited settled=true
  bench_sql "CHECKPOINT" >/dev/null
  started=$(date +%s.%N)
  dirty_before=$(dirty_kb)
  while :; do
    dirty=$(dirty_kb)
    workers=$(bench_sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
    if [ "$dirty" -le "$settle_dirty_kb" ] && [ "$workers" -eq 0 ]; then break; fi
    now=$(date +%s.%N)
    if awk -v a="$started" -v b="$now" -v m="$settle_max" 'BEGIN { exit !(b - a >= m) }'; then settled=false; break; fi
    sleep 0.5
  done
  waited=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "   settle: CHECKPOINT, then ${waited} s waiting for Dirty ≤ $((settle_dirty_kb / 1024)) MB (was $((dirty_before / 1024)) MB, now $((dirty / 1024)) MB) and no autovacuum worker (now $workers)$([ "$settled" = true ] || echo "; gave up after ${settle_max} s")"
  printf '{"seconds":%s,"dirtyKbBefore":%s,"dirtyKbAfter":%s,"autovacuumWorkers":%s,"settled":%s}\n' \
    "$waited" "$dirty_before" "$dirty" "$workers" "$settled" >"$file"
}

bench_timed() {
  local name=$1 run=$2 runs=${3:-$repeats} r prefix
  for ((r = 1; r <= runs; r++)); do
    prefix="$out/runs/$name.$r"
    echo "-- $name, run $r of $runs"
    bench_settle "$prefix.settle.json"
    bench_pg_snapshot >"$prefix.before.json"
    # A failed run is reported and left out of the figures (the report shows what the other runs measured), rather
    # than ending the benchmark; bench.sh exits non-zero at the end.
    local status=0
    "$run" "$r" "$prefix.json" || status=$?
    if [ "$status" -ne 0 ]; then
      echo "   !! $name run $r failed (exit $status)" >&2
      rm -f "$prefix.json"
      bench_failures+=("$name.$r")
    fi
    # Backends pass their statistics on at most once a second.
    sleep 1.2
    bench_pg_snapshot >"$prefix.after.json"
    printf '{"settle":%s,"before":%s,"after":%s}\n' "$(cat "$prefix.settle.json")" "$(cat "$prefix.before.json")" \
      "$(cat "$prefix.after.json")" >"$prefix.pg.json"
    rm -f "$prefix.settle.json" "$prefix.before.json" "$prefix.after.json"
  done
}

bench_once() { bench_timed "$1" "$2" 1; }
