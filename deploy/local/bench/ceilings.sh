# shellcheck shell=bash
# shellcheck disable=SC2154 # set by bench.sh, listed under "Reads" below
# Sourced by bench.sh: what this machine reaches without our code, measured in the same run as the figures.
# Each writes $out/runs/ceiling-<name>.1.json; the COPY ceiling is the bulk load (phases.sh, phase_load).
# Reads: $data, $out, $pg_port, $pg_pwfile, $ceiling_seconds, $single_concurrency, $here, $bench_dll.

# WAL fdatasync ops/s on the bench's data folder: the first sync test of pg_test_fsync (one 8 kB write, then
# fdatasync, Linux's default wal_sync_method). The rest of its tests are not needed, so it is stopped there.
ceiling_fsync() {
  bench_once ceiling-fsync ceiling_fsync_run
}

ceiling_fsync_run() {
  local file=$2 log="$data/pg_test_fsync.log" pid rate=""
  : >"$log"
  "$(pg_bin_dir)/pg_test_fsync" -s "$ceiling_seconds" -f "$data/pg_test_fsync.probe" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 $((ceiling_seconds * 8 + 40))); do
    rate=$(awk '$1 == "fdatasync" && $2 ~ /^[0-9.]+$/ { print $2 }' "$log")
    [ -n "$rate" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$data/pg_test_fsync.probe"
  [ -n "$rate" ] || { cat "$log" >&2; return 1; }
  echo "   pg_test_fsync: fdatasync $rate ops/s"
  printf '{"fdatasyncPerSecond":%s}\n' "$rate" >"$file"
}

# One-row INSERT transactions into a scratch table of a scratch database, at the single phase's concurrency: what
# PostgreSQL's group commit gives clients that each wait for their own commit.
ceiling_commits() {
  bench_sql "DROP DATABASE IF EXISTS bench_ceiling" postgres >/dev/null
  bench_sql "CREATE DATABASE bench_ceiling" postgres >/dev/null
  bench_sql "CREATE TABLE commit_probe (id bigserial PRIMARY KEY, device text NOT NULL, ts timestamptz NOT NULL, value double precision NOT NULL)" bench_ceiling >/dev/null
  printf '%s\n' "INSERT INTO commit_probe (device, ts, value) VALUES ('device-' || :client_id, now(), random());" >"$data/commit.sql"
  bench_once ceiling-commits ceiling_commits_run
  bench_sql "DROP DATABASE bench_ceiling" postgres >/dev/null
}

ceiling_commits_run() {
  local file=$2 log="$data/pgbench.log" tps latency
  # A number of transactions per client rather than a duration: pgbench opens its password-authenticated connections
  # one after another inside a -T duration, which on a loaded machine can use all of it; its tps leaves them out.
  PGPASSWORD=$(cat "$pg_pwfile") "$(pg_bin_dir)/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c "$single_concurrency" \
    -j 2 -t "$((ceiling_seconds * 10))" -f "$data/commit.sql" bench_ceiling >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  tps=$(awk '/^tps = / { print $3; exit }' "$log")
  latency=$(awk '/^latency average = / { print $4; exit }' "$log")
  [ -n "$tps" ] || { echo "   pgbench committed nothing:" >&2; cat "$log" >&2; return 1; }
  echo "   pgbench: $tps commits/s at $single_concurrency clients, mean latency $latency ms"
  printf '{"commitsPerSecond":%s,"clients":%s,"latencyMeanMs":%s}\n' "$tps" "$single_concurrency" "${latency:-null}" >"$file"
}

# A minimal Kestrel app (bench kestrel) that deserializes a meter reading and answers 200, loaded by wrk at the
# single phase's concurrency: the most one HTTP server on these cores answers, before any of our work.
ceiling_kestrel() {
  kestrel_port=$(pg_free_port)
  # dotnet itself in the background (not the bench function's subshell), so that its pid is the one stopped below.
  dotnet "$bench_dll" kestrel --port "$kestrel_port" >"$data/kestrel.log" 2>&1 &
  kestrel=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"meterId":"m","timestamp":"2026-01-01T00:00:00Z","kwhConsumedAc":0.1,"voltage":230}' \
      "http://127.0.0.1:$kestrel_port/v1/telemetry/meter" 2>/dev/null && break
    kill -0 "$kestrel" 2>/dev/null || { cat "$data/kestrel.log" >&2; return 1; }
    sleep 0.25
  done
  bench_once ceiling-kestrel ceiling_kestrel_run
  kill -TERM "$kestrel" 2>/dev/null || true
  wait "$kestrel" 2>/dev/null || true
  kestrel=""
}

ceiling_kestrel_run() {
  local file=$2 log="$data/wrk.log"
  # The same reading-shaped POST once more as a short warm-up (JIT), then the measured run.
  wrk -t2 -c"$single_concurrency" -d1s -s "$here/bench/post-reading.lua" "http://127.0.0.1:$kestrel_port/v1/telemetry/meter" >/dev/null
  wrk -t2 -c"$single_concurrency" -d"${ceiling_seconds}s" --latency -s "$here/bench/post-reading.lua" \
    "http://127.0.0.1:$kestrel_port/v1/telemetry/meter" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log")
  p50=$(awk '$1 == "50%" { print wrk_ms($2) } function wrk_ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }' "$log")
  p99=$(awk '$1 == "99%" { print wrk_ms($2) } function wrk_ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }' "$log")
  errors=$(awk '/Non-2xx|Socket errors/ { n++ } END { print n + 0 }' "$log")
  [ -n "$rps" ] || { echo "   wrk measured nothing:" >&2; cat "$log" >&2; return 1; }
  [ "$errors" -eq 0 ] || { echo "   wrk reported errors:" >&2; cat "$log" >&2; }
  echo "   bare Kestrel: $rps requests/s at $single_concurrency connections, p50 $p50 ms, p99 $p99 ms"
  printf '{"requestsPerSecond":%s,"connections":%s,"latencyP50Ms":%s,"latencyP99Ms":%s}\n' "$rps" "$single_concurrency" "${p50:-null}" "${p99:-null}" >"$file"
}
