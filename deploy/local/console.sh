# shellcheck shell=bash
# Sourced by run.sh, test.sh and bench.sh: builds the operator console (src/Console, TypeScript and uPlot by npm) into
# src/Gateway/wwwroot/console, where the gateway serves it at /console. `npm ci` installs exactly the committed
# lockfile, and only when it changed since the last install; the build reruns only when a source is newer than its output.
#   console_build   (fails, saying why, without Node.js 20.19+ and npm)

console_build() {
  local dir="$root/src/Console" out="$root/src/Gateway/wwwroot/console"
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm not found: the console needs Node.js 20.19+ and npm to build (src/Console)" >&2
    return 1
  fi
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --prefer-offline >&2
  fi
  if [ ! -f "$out/index.html" ] || [ -n "$(find "$dir/src" "$dir/index.html" "$dir/package-lock.json" "$dir/vite.config.ts" -newer "$out/index.html" -print -quit)" ]; then
    npm run --prefix "$dir" build >&2
  fi
}
