#!/usr/bin/env bash
# The benchmark, in one run on one fresh stack (run.sh on a throwaway data folder, one silo):
#   1. the ceiling: the fleet dataset (N vehicles and their meters, a day of minute readings each)
#      bulk-loaded straight into the history tables with binary COPY;
#   2. the analytics endpoint over those N vehicles at the gateway, and the same figures by SQL scan;
#   3. end to end over HTTP with the simulator: single-reading POSTs and batches of 1,000, committed
#      readings counted in PostgreSQL;
#      then the same two phases with a device key (authentication, authorization and rate limiting on);
#   4. grain level: readings/s through grains and the real history writer, in process;
#   5. memory: bytes per vehicle grain with a full 24 h window and per idle meter grain.
# Prints a Markdown table and writes bench-results/bench-results.{md,json}.
#   deploy/local/bench.sh [--vehicles 10000] [--duration 30]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=30
vehicles=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --vehicles) vehicles=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=postgres.sh
. "$here/postgres.sh"
data=$(mktemp -d /tmp/energyactors-bench.XXXXXX)
chmod 755 "$data"
port=$(pg_free_port)
out="$root/bench-results"
rm -rf "$out"
mkdir -p "$out"

dotnet build "$root/EnergyActors.sln" -c Release -nologo -v q
# An admin key of our own, so the keyed phase can make its fleet and device key (anonymous mode stays on for the rest).
ENERGY_BENCH_ADMIN_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
export ENERGY_BENCH_ADMIN_KEY
Auth__BootstrapAdminKey="$ENERGY_BENCH_ADMIN_KEY" ENERGY_DEMO_SITES=0 ENERGY_DATA_DIR="$data" bash "$here/run.sh" --no-build --port "$port" >"$data/run.log" 2>&1 &
stack=$!
stop_stack() {
  kill -TERM "$stack" 2>/dev/null || true
  wait "$stack" 2>/dev/null || true
  rm -rf "$data"
}
trap stop_stack EXIT
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
bench() { dotnet "$root/bench/EnergyActors.Benchmarks/bin/Release/net10.0/EnergyActors.Benchmarks.dll" "$@"; }
sim() { dotnet "$root/src/Simulator/bin/Release/net10.0/EnergyActors.Simulator.dll" "$@"; }

echo "== 1. binary COPY of $vehicles vehicles' and meters' day of minute readings"
bench load --connection env:ENERGY_BENCH_CONNECTION --vehicles "$vehicles" --prefix bench- --json "$out/copy.json"
echo "== 2. analytics over $vehicles vehicles (the warm-up activates them all), then the SQL scan"
sim analytics --gateway "$GATEWAY" --vehicles "$vehicles" --prefix bench- --warmup "$vehicles" --requests 20000 --concurrency 4 --json "$out/analytics.json"
sim analytics --sql env:ENERGY_BENCH_CONNECTION --vehicles "$vehicles" --prefix bench- --warmup 1000 --requests 5000 --concurrency 4 --json "$out/analytics-sql.json"
echo "== 3. HTTP: single-reading POSTs, then batches of 1,000 (${duration}s each)"
sim ingest --gateway "$GATEWAY" --connection env:ENERGY_BENCH_CONNECTION --mode single --meters 5000 --vehicles 5000 \
  --concurrency 128 --warmup 10 --duration "$duration" --prefix single- --json "$out/ingest-single.json"
sim ingest --gateway "$GATEWAY" --connection env:ENERGY_BENCH_CONNECTION --mode batch --batch-size 1000 --meters 5000 --vehicles 5000 \
  --concurrency 8 --warmup 10 --duration "$duration" --prefix batch- --json "$out/ingest-batch.json"
echo "== 3b. the same with a device key: a fleet of its own with limits above any load here"
admin() { curl -fsS -H "Authorization: Bearer $ENERGY_BENCH_ADMIN_KEY" -H "Content-Type: application/json" "$@"; }
admin -X POST "$GATEWAY/v1/admin/fleets" -d '{"fleetId":"bench-keyed","name":"bench, keyed phase"}' >/dev/null
admin -X PATCH "$GATEWAY/v1/admin/fleets/bench-keyed" -d '{"rateLimits":{"requestsPerSecond":1000000,"readingsPerSecond":10000000}}' >/dev/null
ENERGY_BENCH_DEVICE_KEY=$(admin -X POST "$GATEWAY/v1/admin/fleets/bench-keyed/keys" -d '{"role":"device","name":"bench"}' | sed -E 's/.*"key":"([^"]+)".*/\1/')
export ENERGY_BENCH_DEVICE_KEY
sim ingest --gateway "$GATEWAY" --key env:ENERGY_BENCH_DEVICE_KEY --connection env:ENERGY_BENCH_CONNECTION --mode single --meters 5000 --vehicles 5000 \
  --concurrency 128 --warmup 10 --duration "$duration" --prefix keyed-single- --json "$out/ingest-single-keyed.json"
sim ingest --gateway "$GATEWAY" --key env:ENERGY_BENCH_DEVICE_KEY --connection env:ENERGY_BENCH_CONNECTION --mode batch --batch-size 1000 --meters 5000 --vehicles 5000 \
  --concurrency 8 --warmup 10 --duration "$duration" --prefix keyed-batch- --json "$out/ingest-batch-keyed.json"
echo "== 4. grains and the history writer, in process"
bench grains --connection env:ENERGY_BENCH_CONNECTION --json "$out/grains.json"
echo "== 5. bytes per grain"
bench memory --connection env:ENERGY_BENCH_CONNECTION --prefix bench- --count 5000 --json "$out/memory.json"

bench report --folder "$out"
echo "figures written to $out/"
