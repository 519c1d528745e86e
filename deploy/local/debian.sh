# shellcheck shell=bash
# Sourced by test.sh and nginx.sh: installs a Debian package when its program is missing (a fresh machine), without
# starting the service the package brings (the system's nginx would take port 80, and a busy port 80 fails the
# package's installation): while apt-get runs, a policy-rc.d tells the package scripts that no service may start,
# unless the machine already has such a policy.
#   debian_ensure PROGRAM PACKAGE   (PROGRAM: a command name, looked up in PATH and in /usr/sbin and /sbin)

debian_program() {
  command -v "$1" 2>/dev/null || { for dir in /usr/sbin /sbin; do [ -x "$dir/$1" ] && echo "$dir/$1" && return 0; done; return 1; }
}

debian_ensure() {
  local program=$1 package=$2
  if debian_program "$program" >/dev/null; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$program not found and not root: install Debian's $package package (the tests that use it skip or check less)" >&2
    return 1
  fi
  echo "$program not found; installing Debian's $package package..." >&2
  local policy=/usr/sbin/policy-rc.d ours=0 status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    ours=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$package"; } >&2 || status=$?
  if [ "$ours" -eq 1 ]; then rm -f "$policy"; fi
  [ "$status" -eq 0 ] && debian_program "$program" >/dev/null
}
