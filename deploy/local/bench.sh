#!/usr/bin/env bash
# Ingestion benchmark: a fresh stack (run.sh on a throwaway data folder), then the simulator's ingest
# command, single-reading POSTs and batches of 1,000, each checked against rows counted in PostgreSQL.
#   deploy/local/bench.sh [--duration SECONDS] [--silos N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
duration=30
silos=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --silos) silos=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=postgres.sh
. "$here/postgres.sh"
data=$(mktemp -d /tmp/energyactors-bench.XXXXXX)
chmod 755 "$data"
port=$(pg_free_port)
out="$root/bench-results"
mkdir -p "$out"

dotnet build "$root/EnergyActors.sln" -c Release -nologo -v q
ENERGY_DEMO_SITES=0 ENERGY_DATA_DIR="$data" bash "$here/run.sh" --no-build --silos "$silos" --port "$port" >"$data/run.log" 2>&1 &
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

sim="$root/src/Simulator/bin/Release/net10.0/EnergyActors.Simulator.dll"
echo "== single-reading POSTs (${duration}s)"
dotnet "$sim" ingest --gateway "$GATEWAY" --connection "$CONNECTION" --mode single --meters 5000 --vehicles 5000 \
  --concurrency 128 --warmup 10 --duration "$duration" --prefix single- --json "$out/ingest-single.json"
echo "== batches of 1,000 (${duration}s)"
dotnet "$sim" ingest --gateway "$GATEWAY" --connection "$CONNECTION" --mode batch --batch-size 1000 --meters 5000 --vehicles 5000 \
  --concurrency 8 --warmup 10 --duration "$duration" --prefix batch- --json "$out/ingest-batch.json"
echo "figures written to $out/"
