# shellcheck shell=bash
# Sourced by test.sh: installs a Debian package a test needs when its program is missing.
#   debian_ensure PROGRAM PACKAGE   (PROGRAM: a path such as /usr/sbin/nginx)

debian_ensure() {
  local program=$1 package=$2
  if [ -x "$program" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "$program not found and not root: the tests that use it check less (apt-get install $package)" >&2
    return 0
  fi
  echo "$program not found; installing Debian's $package package..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # RUNLEVEL=1: the package's service is not started; tests run the program themselves.
  RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "$package" >&2
}
