#!/usr/bin/env bash
# npm test: machine prerequisites, then typecheck → lint → unit → integration → build → e2e.
# Stops at the first failing stage and always ends with a summary whose last line is
# "tests: N passed, N failed[, N skipped]". See scripts/README.md.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NEXT_TELEMETRY_DISABLED=1
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
bin=node_modules/.bin

log() { printf '[test] %s\n' "$*"; }

summary_and_exit() {
  node scripts/test-summary.mjs "$reports"
  exit "$1"
}

# Runs one stage, records its duration and outcome, and stops everything when it fails.
stage() {
  local name=$1
  shift
  log "▸ $name"
  local started=$EPOCHREALTIME
  "$@"
  local rc=$?
  local seconds
  seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  printf '%s\t%s\t%s\n' "$name" "$seconds" "$rc" >>"$reports/stages.tsv"
  if [ "$rc" -ne 0 ]; then
    log "✗ $name failed (exit $rc) after ${seconds}s"
    summary_and_exit "$rc"
  fi
  log "✓ $name ${seconds}s"
}

as_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" || { apt-get update && apt-get install -y --no-install-recommends "$@"; }
}

# A tool the tests need: installed with apt when we are root, else named for the user to install.
need_tool() {
  local path=$1 package=$2
  [ -x "$path" ] && return 0
  if as_root; then
    log "installing $package (missing $path)"
    apt_install "$package" || return 1
  else
    log "missing $path: install it with: sudo apt-get install -y $package"
    return 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 60); do
    port_open "$1" "$2" && return 0
    sleep 0.5
  done
  log "nothing answers on $1:$2 after 30 s"
  return 1
}

# The machines start PostgreSQL and Redis themselves; these bring them back if they are down
# (commands from shared/ENVIRONMENT.md). DATABASE_URL / REDIS_URL, when set, are used as they are.
ensure_postgres() {
  [ -n "${DATABASE_URL:-}" ] && return 0
  port_open 127.0.0.1 5432 && return 0
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$version" ] || ! command -v pg_ctlcluster >/dev/null; then
    log "no PostgreSQL on 127.0.0.1:5432 and no cluster to start: install postgresql or set DATABASE_URL"
    return 1
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start && wait_for_port 127.0.0.1 5432
}

ensure_redis() {
  [ -n "${REDIS_URL:-}" ] && return 0
  port_open 127.0.0.1 6379 && return 0
  need_tool /usr/bin/redis-server redis-server || return 1
  log "starting redis-server"
  mkdir -p /var/lib/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis &&
    wait_for_port 127.0.0.1 6379
}

prerequisites() {
  need_tool /usr/bin/chromium chromium &&
    need_tool /usr/bin/ffmpeg ffmpeg &&
    need_tool /usr/bin/espeak-ng espeak-ng &&
    ensure_postgres &&
    ensure_redis
}

vitest_project() {
  "$bin/vitest" run --project "$1" --reporter=default --reporter=json --outputFile.json="$reports/$1.json"
}

e2e() {
  PLAYWRIGHT_JSON_OUTPUT_FILE="$reports/e2e.json" "$bin/playwright" test --reporter=list,json
}

stage prerequisites prerequisites
stage typecheck "$bin/tsc" --noEmit -p .
stage lint "$bin/eslint" --max-warnings=0 .
stage unit vitest_project unit
stage integration vitest_project integration
stage build "$bin/tsx" scripts/build-if-stale.ts
stage e2e e2e
summary_and_exit 0
