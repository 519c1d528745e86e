#!/usr/bin/env bash
# The test command: a throwaway PostgreSQL (installed from Debian's package when missing, as is
# systemd-analyze for the deploy tests), then the unit, grain and system test projects against it.
# Prints `tests: N passed, M failed` last; exits non-zero on any failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=postgres.sh
. "$here/postgres.sh"
# shellcheck source=debian.sh
. "$here/debian.sh"
# shellcheck source=console.sh
. "$here/console.sh"

pg_ensure_installed
# What some tests drive besides PostgreSQL: ip (network namespaces of the multi-host test), systemd-analyze (the
# systemd units), nginx (run.sh --gateways and the compose file's configuration). A test whose tool is missing
# (not root) says so and skips or checks less.
debian_ensure ip iproute2 || true
debian_ensure systemd-analyze systemd || true
debian_ensure nginx nginx || true
# The console's browser tests: Debian's Chromium, driven by Playwright.
debian_ensure chromium chromium || true

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
console_build
dotnet build EnergyActors.sln -c Release -warnaserror -nologo -v q
# Unit tests first (seconds, in parallel), then grain tests, then the system tests' processes: one project
# at a time, since timings of the later ones mean nothing on 2 cores shared with another test run.
passed=0
failed=0
status=0
for project in UnitTests GrainTests SystemTests; do
  log="$work/$project.log"
  set +e
  dotnet test "tests/EnergyActors.$project" -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --results-directory "$work/results" "$@" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  set -e
  # The runner's closing summary ("Passed: N", "Failed: N" when any failed).
  p=$(grep -E '^ +Passed: +[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  f=$(grep -E '^ +Failed: +[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || true)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$code" -ne 0 ]; then
    status=1
  fi
done
# A run in which nothing passed proves nothing (a filter matching no test in a project is fine).
if [ "$passed" -eq 0 ]; then
  status=1
fi

echo "tests: $passed passed, $failed failed"
exit "$status"
