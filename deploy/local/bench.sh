#!/usr/bin/env bash
# The benchmark, in one run on one fresh stack (run.sh on a throwaway data folder, one silo). Each figure is printed
# beside the ceiling this machine reaches in the same run, so a slow disk shows as a slow ceiling, not a slow product:
#   ceilings   WAL fdatasync/s (pg_test_fsync), one-row commits/s (pgbench, the single phase's concurrency), a bare
#              Kestrel JSON POST (wrk, same concurrency), and binary COPY rows/s (the bulk load below);
#   ingestion  single-reading POSTs and batches of 1,000, anonymous and with a device key, on the fresh database
#              (before the bulk dataset is loaded), committed rows counted in PostgreSQL;
#   grains     readings/s through grains and the real history writer, in process; then the slope at 1,000 / 10,000 /
#              100,000 devices (bytes per grain, activations/s, readings/s);
#   load       the fleet dataset (N vehicles and their meters, a day of minute readings each) by binary COPY;
#   analytics  the analytics endpoint over those vehicles at 4 and 64 in flight, and the same figures by SQL scan;
#   recovery   SIGKILL of the only silo holding those vehicles under single-reading load: seconds until every
#              vehicle's analytics and the fleet view are exact again, and the ingestion rate meanwhile;
#   memory     bytes per vehicle grain with a full 24 h window and per idle meter grain.
# Every timed phase runs --repeats times (min / median / max), each run after a CHECKPOINT and a settle (dirty pages
# written back, no autovacuum worker), with PostgreSQL's own counters (commits, rows, WAL bytes, syncs) around it.
# Prints a Markdown report and writes bench-results/bench-results.{md,json} (each run's files in bench-results/runs/).
#   deploy/local/bench.sh [--quick] [--repeats 3] [--vehicles 10000] [--duration 30] [--concurrency 128]
# --quick: a few minutes in all (500 vehicles, 4 s phases, scale up to 10,000 devices), every phase still run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
quick=0
repeats=3
vehicles=""
duration=""
single_concurrency=128
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --repeats) repeats=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --vehicles) vehicles=$2; shift 2 ;;
    --concurrency) single_concurrency=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$repeats" in ''|*[!0-9]*|0) echo "--repeats takes a whole number >= 1" >&2; exit 2 ;; esac
if [ "$quick" -eq 1 ]; then
  vehicles=${vehicles:-500} duration=${duration:-4} warmup=1 devices=1000 ceiling_seconds=2 settle_max=8
  analytics_requests=2000 grain_readings=40000 scale_sizes=1000,10000
else
  vehicles=${vehicles:-10000} duration=${duration:-30} warmup=10 devices=5000 ceiling_seconds=5 settle_max=60
  analytics_requests=20000 grain_readings=400000 scale_sizes=1000,10000,100000
fi

# shellcheck source=postgres.sh
. "$here/postgres.sh"
# shellcheck source=debian.sh
. "$here/debian.sh"
# shellcheck source=bench/settle.sh
. "$here/bench/settle.sh"
# shellcheck source=bench/ceilings.sh
. "$here/bench/ceilings.sh"
# shellcheck source=bench/phases.sh
. "$here/bench/phases.sh"

pg_ensure_installed
debian_ensure wrk wrk
data=$(mktemp -d /tmp/energyactors-bench.XXXXXX)
chmod 755 "$data"
port=$(pg_free_port)
out="$root/bench-results"
rm -rf "$out"
mkdir -p "$out/runs"

dotnet build "$root/EnergyActors.sln" -c Release -nologo -v q
# An admin key of our own, so the keyed phase can make its fleet and device key (anonymous mode stays on for the rest).
ENERGY_BENCH_ADMIN_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
export ENERGY_BENCH_ADMIN_KEY
# The recovery phase needs no shorter Analytics:WindowStoreSeconds: the analytics phase's activations rebuild the
# vehicles' windows, and each stores its window just after.
Auth__BootstrapAdminKey="$ENERGY_BENCH_ADMIN_KEY" ENERGY_DEMO_SITES=0 ENERGY_DATA_DIR="$data" bash "$here/run.sh" --no-build --port "$port" >"$data/run.log" 2>&1 &
stack=$!
kestrel=""
stop_stack() {
  if [ -n "$kestrel" ]; then kill -TERM "$kestrel" 2>/dev/null || true; fi
  kill -TERM "$stack" 2>/dev/null || true
  wait "$stack" 2>/dev/null || true
  rm -rf "$data"
}
trap stop_stack EXIT
# Without these a signal would end bash before the EXIT trap runs, leaving run.sh's silo and PostgreSQL behind.
trap 'exit 130' INT
trap 'exit 143' TERM HUP
for _ in $(seq 1 300); do
  [ -f "$data/stack.env" ] && break
  kill -0 "$stack" 2>/dev/null || { cat "$data/run.log" >&2; exit 1; }
  sleep 0.5
done
# shellcheck disable=SC1091
. "$data/stack.env"

# The tools read the connection string from the environment (env:NAME): a password in their arguments
# would be visible to every user in the process list.
export ENERGY_BENCH_CONNECTION="$CONNECTION"
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CONNECTION")
pg_pwfile=$(pg_password_file "$data/pg")
bench_dll="$root/bench/EnergyActors.Benchmarks/bin/Release/net10.0/EnergyActors.Benchmarks.dll"
bench() { dotnet "$bench_dll" "$@"; }
sim() { dotnet "$root/src/Simulator/bin/Release/net10.0/EnergyActors.Simulator.dll" "$@"; }
bench_prepare_statistics

echo "== ceilings: WAL fdatasync, one-row commits at $single_concurrency clients, a bare Kestrel JSON POST"
ceiling_fsync
ceiling_commits
ceiling_kestrel
echo "== ingestion over HTTP on the fresh database (${duration}s per run, $repeats runs each)"
phase_ingest_anonymous
phase_ingest_keyed
echo "== grains and the history writer, in process; then how cost grows with the devices ($scale_sizes)"
phase_grains
phase_scale
echo "== binary COPY of $vehicles vehicles' and meters' day of minute readings (the COPY ceiling and the analytics dataset)"
phase_load
echo "== analytics over $vehicles vehicles at 4 and 64 in flight, then the SQL scan"
phase_analytics
echo "== recovery: SIGKILL of the only silo holding those vehicles, under single-reading load"
phase_recovery
echo "== bytes per grain"
phase_memory
# More phases go here: a function in bench/phases.sh run with bench_timed or bench_once, its figures in
# $out/runs/<name>.<run>.json, and a row in BenchReport.

bench report --folder "$out"
echo "figures written to $out/"
if [ "${#bench_failures[@]}" -gt 0 ]; then
  echo "runs that failed (left out of the figures): ${bench_failures[*]}" >&2
  exit 1
fi
