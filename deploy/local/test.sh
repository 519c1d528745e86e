#!/usr/bin/env bash
# The test command: a throwaway PostgreSQL (installed from Debian's package when missing), then
# `dotnet test` against it. Prints `tests: N passed, M failed` last; exits non-zero on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=postgres.sh
. "$here/postgres.sh"

pg_ensure_installed
work=$(mktemp -d /tmp/energyactors-test.XXXXXX)
chmod 755 "$work"
port=$(pg_free_port)
cleanup() {
  pg_stop "$work/pg"
  rm -rf "$work"
}
trap cleanup EXIT
pg_start "$work/pg" "$port" fsync=off synchronous_commit=off full_page_writes=off

ENERGY_TEST_PG_ADMIN="$(pg_conn "$port" postgres "$(pg_password_file "$work/pg")");Pooling=false;Timeout=5"
ENERGY_TEST_PG_BIN=$(pg_bin_dir)
export ENERGY_TEST_PG_ADMIN ENERGY_TEST_PG_BIN
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cd "$root"
dotnet build EnergyActors.sln -c Release -warnaserror -nologo -v q
set +e
dotnet test EnergyActors.sln -c Release --no-build --nologo \
  --logger "console;verbosity=normal" --results-directory "$work/results" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e

# The runner's closing summary ("Total tests: N", "Passed: N", "Failed: N" when any failed).
passed=$(grep -E '^ +Passed: +[0-9]+' "$work/test.log" | tail -n 1 | grep -oE '[0-9]+' || true)
failed=$(grep -E '^ +Failed: +[0-9]+' "$work/test.log" | tail -n 1 | grep -oE '[0-9]+' || true)
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
if [ "$status" -ne 0 ] || [ -z "$passed" ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
