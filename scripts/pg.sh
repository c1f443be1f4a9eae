#!/usr/bin/env bash
# scripts/pg.sh — throwaway PostgreSQL cluster for tests.
#
# Usage (executed):
#   scripts/pg.sh start <dir>   start a cluster in <dir>; prints the Npgsql connection
#                               string as the LAST line of stdout (logs go to stderr) and
#                               writes <dir>/pg.env (export lines) + <dir>/connstring
#   scripts/pg.sh stop <dir>    stop it (pg_ctl stop -m fast); idempotent
#   scripts/pg.sh status <dir>  exit 0 if running
#
# Usage (sourced):
#   source scripts/pg.sh start <dir>   same as above, then exports SHARPBASE_TEST_PG,
#                                      PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE
#   source scripts/pg.sh               only defines sharpbase_pg_start/sharpbase_pg_stop
#
# Layout of <dir>:  data/ (PGDATA), run/ (unix socket), postgres.log, pg.env, connstring
#
# The cluster listens ONLY on 127.0.0.1 (free port, probing from 54329) and on a unix
# socket in <dir>/run. Superuser role "sharpbase" with a random password
# (scram-sha-256 over TCP; unix socket is trust). Durability is off (fsync etc.) — this
# is for tests only. When run as root, the server runs as OS user "sharpbase-pg"
# (PostgreSQL refuses to run as root). Any failure exits non-zero with a clear message.

# ---------------------------------------------------------------------------
# Sourced mode: delegate to a child bash (so we never touch the caller's shell
# options), then import the resulting environment.
# ---------------------------------------------------------------------------
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  _sharpbase_pg_script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
  sharpbase_pg_start() {
    bash "$_sharpbase_pg_script" start "$1" >/dev/null || return $?
    # shellcheck disable=SC1091
    . "$1/pg.env"
  }
  sharpbase_pg_stop() {
    bash "$_sharpbase_pg_script" stop "$1"
  }
  case "${1:-}" in
    start) sharpbase_pg_start "${2:?pg.sh: usage: source scripts/pg.sh start <dir>}" ;;
    stop) sharpbase_pg_stop "${2:?pg.sh: usage: source scripts/pg.sh stop <dir>}" ;;
    "") : ;;
    *) echo "pg.sh: unknown command '$1' (start|stop)" >&2; false ;;
  esac
  return $?
fi

set -euo pipefail

PG_OS_USER="sharpbase-pg"
PG_ROLE="sharpbase"
PG_DB="sharpbase_test"
PG_FIRST_PORT="${SHARPBASE_PG_PORT:-54329}"

log() { echo "pg.sh: $*" >&2; }
die() {
  echo "pg.sh: ERROR: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start|stop|status <dir>" >&2
  exit 2
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# Run a command as the PostgreSQL OS user (or as ourselves when not root).
# cd / so that initdb/pg_ctl never trip over an unreadable cwd (e.g. /root).
as_pg() {
  if is_root; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    (cd / && "$@")
  fi
}

find_bindir() {
  local d
  # Highest installed major version wins.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      echo "$d"
      return 0
    fi
  done
  # Non-Debian layouts (e.g. PATH-installed).
  local initdb
  initdb="$(command -v initdb 2>/dev/null || true)"
  if [[ -n "$initdb" ]]; then
    d="$(dirname "$(readlink -f "$initdb")")"
    if [[ -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      echo "$d"
      return 0
    fi
  fi
  return 1
}

install_postgres() {
  log "PostgreSQL server (initdb) not found; installing 'postgresql' via apt-get"
  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 || die "initdb not found and not root (no sudo) — install PostgreSQL server (apt-get install postgresql)"
    sudo=(sudo -n)
  fi
  command -v apt-get >/dev/null 2>&1 || die "initdb not found and apt-get is unavailable — install a PostgreSQL server manually"
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --no-install-recommends)
  if ! "${sudo[@]}" apt-get install "${apt_opts[@]}" postgresql >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    "${sudo[@]}" apt-get update -q >&2 || die "apt-get update failed — cannot install PostgreSQL"
    "${sudo[@]}" apt-get install "${apt_opts[@]}" postgresql >&2 || die "apt-get install postgresql failed"
  fi
}

ensure_os_user() {
  is_root || return 0
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating OS user $PG_OS_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$PG_OS_USER" \
      || die "could not create OS user $PG_OS_USER"
  fi
  command -v runuser >/dev/null 2>&1 || die "runuser (util-linux) not found — needed to run PostgreSQL as $PG_OS_USER"
}

# Is the loopback TCP port free? (bind test via python3; falls back to a connect probe)
port_free() {
  local port="$1"
  if command -v python3 >/dev/null 2>&1; then
    python3 - "$port" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
    return $?
  fi
  # Nothing answering == free (good enough; startup retries on conflict anyway).
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

next_free_port() {
  local port="$1" last=$(($1 + 200))
  while ((port <= last)); do
    if port_free "$port"; then
      echo "$port"
      return 0
    fi
    port=$((port + 1))
  done
  return 1
}

abs_dir() {
  mkdir -p "$1" || die "cannot create directory $1"
  (cd "$1" && pwd -P)
}

cmd_start() {
  local dir
  dir="$(abs_dir "$1")"
  local data="$dir/data" run="$dir/run" logf="$dir/postgres.log"

  if [[ -f "$data/postmaster.pid" ]] && cmd_status_quiet "$dir"; then
    die "a cluster is already running in $data (run: $0 stop $dir)"
  fi
  [[ -e "$data" ]] && die "$data already exists — use a fresh directory"

  local bindir
  if ! bindir="$(find_bindir)"; then
    install_postgres
    bindir="$(find_bindir)" || die "PostgreSQL installed but no initdb found under /usr/lib/postgresql/*/bin"
  fi
  log "using PostgreSQL binaries in $bindir ($("$bindir/postgres" --version))"

  ensure_os_user

  # unix socket path must fit in sockaddr_un (107 bytes incl. ".s.PGSQL.NNNNN")
  if ((${#run} + 20 > 107)); then
    die "directory path too long for a unix socket: $run (use a shorter dir, e.g. mktemp -d)"
  fi

  mkdir -p "$data" "$run"
  : >"$logf"
  chmod 700 "$data"
  chmod 755 "$dir" "$run"
  if is_root; then
    chown "$PG_OS_USER:" "$data" "$run" "$logf"
    # Every parent must be traversable by the PG user.
    as_pg test -w "$data" \
      || die "OS user $PG_OS_USER cannot access $data — a parent directory is not traversable (o+x); use a dir under /tmp"
  fi

  # Random password; pwfile readable only by the PG user, removed after initdb.
  local password pwfile="$run/.pwfile"
  password="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 32)"
  [[ ${#password} -eq 32 ]] || die "could not generate a password"
  (umask 077 && printf '%s\n' "$password" >"$pwfile")
  is_root && chown "$PG_OS_USER:" "$pwfile"

  local locale_opts=(--encoding=UTF8 --locale=C.UTF-8)
  if ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale_opts=(--encoding=UTF8 --no-locale)
  fi

  log "initdb in $data"
  if ! as_pg "$bindir/initdb" -D "$data" -U "$PG_ROLE" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust "${locale_opts[@]}" \
    --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    rm -f "$pwfile"
    die "initdb failed (see above)"
  fi
  rm -f "$pwfile"

  # Start on a free port; retry a few times in case another process grabs it first.
  local port="$PG_FIRST_PORT" attempt started=0
  for attempt in 1 2 3 4 5; do
    port="$(next_free_port "$port")" || die "no free TCP port on 127.0.0.1 in range $PG_FIRST_PORT..$((PG_FIRST_PORT + 200))"
    cat >"$data/postgresql.auto.conf" <<EOF
# Written by scripts/pg.sh — throwaway test cluster, durability deliberately OFF.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$run'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
# Fewer moving parts on small CI boxes (and no /dev/shm pressure from parallel workers).
max_parallel_workers_per_gather = 0
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    is_root && chown "$PG_OS_USER:" "$data/postgresql.auto.conf"
    chmod 600 "$data/postgresql.auto.conf"

    log "starting PostgreSQL on 127.0.0.1:$port (attempt $attempt)"
    if as_pg "$bindir/pg_ctl" -D "$data" -l "$logf" -w -t 60 start >&2; then
      started=1
      break
    fi
    log "pg_ctl start failed; server log:"
    tail -n 30 "$logf" >&2 || true
    if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$logf"; then
      port=$((port + 1))
      continue
    fi
    break
  done
  ((started)) || die "could not start PostgreSQL (log: $logf)"

  # Sanity check over TCP with password auth, and create the default test database.
  local psql="$bindir/psql"
  [[ -x "$psql" ]] || psql="$(command -v psql)" || die "psql not found"
  PGPASSWORD="$password" "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$PG_ROLE" -d postgres \
    -c "CREATE DATABASE $PG_DB" >&2 \
    || die "PostgreSQL started but password login over TCP failed (log: $logf)"

  local conn="Host=127.0.0.1;Port=$port;Username=$PG_ROLE;Password=$password;Database=$PG_DB"
  (
    umask 077
    printf '%s\n' "$conn" >"$dir/connstring"
    cat >"$dir/pg.env" <<EOF
export SHARPBASE_TEST_PG='$conn'
export SHARPBASE_PG_BINDIR='$bindir'
export PGHOST=127.0.0.1
export PGPORT=$port
export PGUSER=$PG_ROLE
export PGPASSWORD='$password'
export PGDATABASE=$PG_DB
EOF
  )
  log "PostgreSQL is up: 127.0.0.1:$port, superuser '$PG_ROLE', database '$PG_DB' (env in $dir/pg.env)"
  echo "$conn"
}

cmd_status_quiet() {
  local dir="$1" bindir
  [[ -f "$dir/data/postmaster.pid" ]] || return 1
  bindir="$(find_bindir)" || return 1
  as_pg "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

cmd_stop() {
  local dir="$1"
  [[ -d "$dir" ]] || {
    log "nothing to stop ($dir does not exist)"
    return 0
  }
  dir="$(cd "$dir" && pwd -P)"
  local data="$dir/data" pidfile="$dir/data/postmaster.pid"
  if [[ ! -f "$pidfile" ]]; then
    log "no running cluster in $data"
    return 0
  fi
  local bindir pid
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  bindir="$(find_bindir)" || die "cannot find pg_ctl to stop the cluster in $data (pid $pid)"
  log "stopping PostgreSQL in $data"
  if as_pg "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2; then
    return 0
  fi
  log "fast shutdown failed; trying immediate"
  if as_pg "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >&2; then
    return 0
  fi
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    log "killing postmaster $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    kill -0 "$pid" 2>/dev/null && die "could not stop PostgreSQL (pid $pid)"
  fi
  return 0
}

[[ $# -eq 2 ]] || usage
case "$1" in
  start) cmd_start "$2" ;;
  stop) cmd_stop "$2" ;;
  status)
    if cmd_status_quiet "$2"; then
      echo "running"
    else
      echo "not running"
      exit 3
    fi
    ;;
  *) usage ;;
esac
