# shellcheck shell=bash
# shellcheck disable=SC2154 # set by bench.sh, listed under "Reads" below
# Sourced by bench.sh: the timed phases, one function each. A phase runs its step through bench_timed (repeated) or
# bench_once; the step gets RUN FILE and writes its figures to FILE, which BenchReport reads as runs/<name>.<run>.json.
# Reads: $here, $data, $GATEWAY, $out, $repeats, $duration, $warmup, $devices, $vehicles, $single_concurrency, $analytics_requests,
# $grain_readings, $scale_sizes, $quick; bench and sim (functions).

ingest() {
  local kind=$1 mode=$2 run=$3 file=$4 key=()
  shift 4
  if [ "$kind" = keyed ]; then key=(--key env:ENERGY_BENCH_DEVICE_KEY); fi
  # A prefix per run, so each run's (device, timestamp) keys are new rows rather than duplicates.
  sim ingest --gateway "$GATEWAY" "${key[@]}" --connection env:ENERGY_BENCH_CONNECTION --mode "$mode" --meters "$devices" \
    --vehicles "$devices" --warmup "$warmup" --duration "$duration" --prefix "$kind-$mode-r$run-" --json "$file" "$@" | tail -n 25
}

ingest_single() { ingest anonymous single "$1" "$2" --concurrency "$single_concurrency"; }
ingest_batch() { ingest anonymous batch "$1" "$2" --batch-size 1000 --concurrency 8; }
ingest_keyed_single() { ingest keyed single "$1" "$2" --concurrency "$single_concurrency"; }
ingest_keyed_batch() { ingest keyed batch "$1" "$2" --batch-size 1000 --concurrency 8; }

phase_ingest_anonymous() {
  bench_timed ingest-single ingest_single
  bench_timed ingest-batch ingest_batch
}

# The same with a device key (authentication, authorization and rate limiting on): a fleet of its own with limits
# above any load here.
phase_ingest_keyed() {
  admin() { curl -fsS -H "Authorization: Bearer $ENERGY_BENCH_ADMIN_KEY" -H "Content-Type: application/json" "$@"; }
  admin -X POST "$GATEWAY/v1/admin/fleets" -d '{"fleetId":"bench-keyed","name":"bench, keyed phase"}' >/dev/null
  admin -X PATCH "$GATEWAY/v1/admin/fleets/bench-keyed" -d '{"rateLimits":{"requestsPerSecond":1000000,"readingsPerSecond":10000000}}' >/dev/null
  ENERGY_BENCH_DEVICE_KEY=$(admin -X POST "$GATEWAY/v1/admin/fleets/bench-keyed/keys" -d '{"role":"device","name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
  export ENERGY_BENCH_DEVICE_KEY
  bench_timed ingest-single-keyed ingest_keyed_single
  bench_timed ingest-batch-keyed ingest_keyed_batch
}

grains_run() {
  bench grains --connection env:ENERGY_BENCH_CONNECTION --readings "$grain_readings" --prefix "grains-r$1-" --json "$2"
}

phase_grains() { bench_timed grains grains_run; }

scale_run() {
  bench scale --connection env:ENERGY_BENCH_CONNECTION --sizes "$scale_sizes" --readings-per-device 3 \
    --budget-seconds "$([ "$quick" -eq 1 ] && echo 30 || echo 120)" --json "$2"
}

phase_scale() { bench_once scale scale_run; }

load_run() {
  bench load --connection env:ENERGY_BENCH_CONNECTION --vehicles "$vehicles" --prefix bench- --json "$2"
}

phase_load() { bench_once copy load_run; }

analytics() {
  local concurrency=$1 file=$3
  sim analytics --gateway "$GATEWAY" --vehicles "$vehicles" --prefix bench- --warmup "$vehicles" --requests "$analytics_requests" \
    --concurrency "$concurrency" --json "$file" | tail -n 16
}

analytics_4() { analytics 4 "$@"; }
analytics_64() { analytics 64 "$@"; }
analytics_sql() {
  sim analytics --sql env:ENERGY_BENCH_CONNECTION --vehicles "$vehicles" --prefix bench- --warmup 1000 \
    --requests "$((analytics_requests / 4))" --concurrency 4 --json "$2" | tail -n 16
}

phase_analytics() {
  bench_timed analytics analytics_4
  bench_timed analytics-64 analytics_64
  bench_timed analytics-sql analytics_sql
}

# SIGKILL of the only silo holding the analytics phase's vehicles, under single-reading load (bench-recovery.sh).
recovery_run() {
  bash "$here/bench-recovery.sh" --data "$data" --vehicles "$vehicles" --prefix bench- --before "$duration" --json "$2"
}

phase_recovery() { bench_once recovery recovery_run; }

memory_run() {
  # The in-process silo's fleet index would wake every vehicle the stack's fleet entries name while it measures.
  bench_sql "TRUNCATE fleet_entries" >/dev/null
  bench memory --connection env:ENERGY_BENCH_CONNECTION --prefix bench- --count "$((vehicles / 2))" --json "$2"
}

phase_memory() { bench_once memory memory_run; }
