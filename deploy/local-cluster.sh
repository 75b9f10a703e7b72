#!/usr/bin/env bash
# A two-node Community cluster on this machine, without containers: PostgreSQL from Debian's
# binaries and two gateway nodes sharing it, on loopback only.
#
#   deploy/local-cluster.sh [start] [--dir DIR] [--pg-port PORT]   start (or keep) the cluster
#   deploy/local-cluster.sh status  [--dir DIR]                    what runs, what is ready
#   deploy/local-cluster.sh stop    [--dir DIR]                    stop the nodes and PostgreSQL
#
# Everything lives in DIR (default ${TMPDIR:-/tmp}/community-cluster): PostgreSQL's data and log,
# the built gateway, each node's log and pid file, and the generated passwords (mode 0600).
# Node 1 listens on 127.0.0.1:5081, node 2 on 127.0.0.1:5082, PostgreSQL on 127.0.0.1:55432.
# The secretariat account is "admin"; its password comes from COMMUNITY_ADMIN_PASSWORD, or is
# generated on the first start and kept in DIR/admin-password. Running "start" again is safe:
# what already runs is left alone. Data survives stop/start; delete DIR to start afresh.
set -euo pipefail

readonly NODES=(node1 node2)
readonly NODE_PORTS=(5081 5082)
readonly DB_NAME=community
readonly DB_USER=community
readonly ADMIN_HANDLE=admin
readonly READY_TIMEOUT=120

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command_name=start
cluster_dir="${TMPDIR:-/tmp}/community-cluster"
pg_port=55432

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

say() { printf '%s\n' "$*"; }
fail() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }

parse_args() {
  while (($# > 0)); do
    case "$1" in
      start | stop | status) command_name="$1" ;;
      --dir) (($# > 1)) || fail "--dir needs a folder"; cluster_dir="$2"; shift ;;
      --dir=*) cluster_dir="${1#--dir=}" ;;
      --pg-port) (($# > 1)) || fail "--pg-port needs a port"; pg_port="$2"; shift ;;
      --pg-port=*) pg_port="${1#--pg-port=}" ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fail "unknown argument: $1" ;;
    esac
    shift
  done
  [[ "$pg_port" =~ ^[0-9]+$ ]] || fail "--pg-port must be a number, not '$pg_port'"
  if [[ "$command_name" == start ]]; then
    mkdir -p "$cluster_dir"
  elif [[ ! -d "$cluster_dir" ]]; then
    say "No cluster in $cluster_dir."
    [[ "$command_name" == stop ]] && exit 0
    exit 1
  fi
  cluster_dir="$(cd "$cluster_dir" && pwd)"
}

# ---- PostgreSQL --------------------------------------------------------------------------------

pg_dir() { printf '%s/pg' "$cluster_dir"; }
pg_data() { printf '%s/pg/data' "$cluster_dir"; }
pg_log() { printf '%s/pg/postgres.log' "$cluster_dir"; }

is_root() { [[ "$(id -u)" == 0 ]]; }

# PostgreSQL refuses to run as root: as root, its commands run as the "postgres" OS user.
as_pg() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_pg_bin() {
  local candidates=()
  shopt -s nullglob
  candidates=(/usr/lib/postgresql/*/bin)
  shopt -u nullglob
  if ((${#candidates[@]} == 0)); then
    return 1
  fi
  printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1
}

ensure_pg_installed() {
  if pg_bin="$(find_pg_bin)"; then
    return
  fi
  is_root || fail "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql', then again"
  say "Installing PostgreSQL (apt-get install postgresql)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } \
    || fail "apt-get install postgresql failed"
  pg_bin="$(find_pg_bin)" || fail "PostgreSQL installed, but no /usr/lib/postgresql/*/bin found"
}

# A password kept in a 0600 file of the cluster folder: generated once, the same ever after.
stored_secret() {
  local file="$cluster_dir/$1" value="${2:-}"
  if [[ -n "$value" ]]; then
    (umask 077 && printf '%s\n' "$value" >"$file")
  elif [[ ! -s "$file" ]]; then
    (umask 077 && openssl rand -hex 16 >"$file")
  fi
  head -n 1 "$file"
}

pg_running() {
  [[ -f "$(pg_data)/PG_VERSION" ]] && as_pg "$pg_bin/pg_ctl" -D "$(pg_data)" status >/dev/null 2>&1
}

init_pg() {
  [[ -f "$(pg_data)/PG_VERSION" ]] && return
  say "Creating a PostgreSQL cluster in $(pg_data)..."
  mkdir -p "$(pg_dir)"
  chmod 700 "$(pg_dir)"
  if is_root; then
    chown postgres: "$(pg_dir)"
    runuser -u postgres -- test -x "$cluster_dir" \
      || fail "the postgres OS user cannot enter $cluster_dir: choose a --dir outside private folders"
  fi
  local pwfile
  pwfile="$(pg_dir)/initdb-password"
  (umask 077 && printf '%s\n' "$db_password" >"$pwfile")
  if is_root; then chown postgres: "$pwfile"; fi
  # Password (SCRAM) over TCP only; no Unix socket, so nothing outside the folder is needed.
  as_pg "$pg_bin/initdb" -D "$(pg_data)" -U "$DB_USER" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$(pg_dir)/initdb.log" 2>&1 \
    || { rm -f "$pwfile"; cat "$(pg_dir)/initdb.log" >&2; fail "initdb failed"; }
  rm -f "$pwfile"
  printf "\ninclude_if_exists = 'local-cluster.conf'\n" | as_pg tee -a "$(pg_data)/postgresql.conf" >/dev/null
}

start_pg() {
  # Rewritten on every start, so --pg-port takes effect on an existing cluster too.
  printf "%s\n" "port = $pg_port" "listen_addresses = '127.0.0.1'" "unix_socket_directories = ''" \
    | as_pg tee "$(pg_data)/local-cluster.conf" >/dev/null
  if pg_running; then
    say "PostgreSQL already running ($(pg_data))."
  else
    say "Starting PostgreSQL on 127.0.0.1:$pg_port..."
    as_pg "$pg_bin/pg_ctl" -D "$(pg_data)" -l "$(pg_log)" -w -t 60 start >/dev/null \
      || { tail -n 20 "$(pg_log)" >&2; fail "PostgreSQL did not start (log: $(pg_log))"; }
  fi
  head -n 1 "$(pg_data)/postmaster.pid" >"$cluster_dir/postgres.pid"
  # The port it actually listens on (a running cluster keeps the one it started with).
  pg_port="$(sed -n 4p "$(pg_data)/postmaster.pid")"
}

psql_admin() {
  PGPASSWORD="$db_password" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$DB_USER" -d postgres \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_database() {
  if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
    say "Creating database $DB_NAME..."
    psql_admin -c "create database $DB_NAME owner $DB_USER" >/dev/null
  fi
}

stop_pg() {
  if [[ -n "${pg_bin:-}" ]] && pg_running; then
    say "Stopping PostgreSQL..."
    as_pg "$pg_bin/pg_ctl" -D "$(pg_data)" -m fast -w stop >/dev/null
  fi
  rm -f "$cluster_dir/postgres.pid"
}

# ---- gateway nodes -----------------------------------------------------------------------------

node_pid_file() { printf '%s/%s.pid' "$cluster_dir" "$1"; }
node_log() { printf '%s/%s.log' "$cluster_dir" "$1"; }

# The node's pid, if its pid file names a live process that is really a Community gateway.
node_pid() {
  local file pid
  file="$(node_pid_file "$1")"
  [[ -s "$file" ]] || return 1
  pid="$(head -n 1 "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Community.Gateway.dll' || return 1
  printf '%s' "$pid"
}

node_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

port_taken() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

build_gateway() {
  command -v dotnet >/dev/null || fail "dotnet is not installed (the .NET 10 SDK; see global.json)"
  say "Building the gateway (dotnet build src/Gateway -c Release)..."
  (cd "$repo_root" && dotnet build src/Gateway -c Release -nologo -v quiet) >"$cluster_dir/build.log" 2>&1 \
    || { tail -n 30 "$cluster_dir/build.log" >&2; fail "build failed (log: $cluster_dir/build.log)"; }
  # The nodes run from a copy, so a later build in the repository cannot change them under their feet.
  rm -rf "$cluster_dir/app"
  cp -a "$repo_root/src/Gateway/bin/Release/net10.0" "$cluster_dir/app"
}

start_node() {
  local name="$1" port="$2" pid
  if port_taken "$port"; then
    fail "127.0.0.1:$port is in use by another program: stop it, or '$0 stop' an older cluster"
  fi
  say "Starting $name on 127.0.0.1:$port (log: $(node_log "$name"))..."
  printf '==== %s: local-cluster.sh starts %s on 127.0.0.1:%s\n' "$(date -u +%FT%TZ)" "$name" "$port" >>"$(node_log "$name")"
  # The content root is the working directory: run from the app folder so appsettings.json is read.
  (
    cd "$cluster_dir/app"
    exec env \
      Community__Storage__Provider=postgres \
      ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Database=$DB_NAME;Username=$DB_USER;Password=$db_password" \
      Community__NodeId="$name" \
      Community__DataPath="$cluster_dir/$name-data" \
      Community__Bootstrap__Handle="$ADMIN_HANDLE" \
      Community__Bootstrap__Password="$admin_password" \
      Community__Stamps__UrlKey="stamps:$db_password" \
      nohup dotnet "$cluster_dir/app/Community.Gateway.dll" --urls "http://127.0.0.1:$port" \
      >>"$(node_log "$name")" 2>&1 </dev/null
  ) &
  pid=$!
  printf '%s\n' "$pid" >"$(node_pid_file "$name")"
}

wait_ready() {
  local name="$1" port="$2" deadline=$((SECONDS + READY_TIMEOUT))
  local pid
  pid="$(head -n 1 "$(node_pid_file "$name")")"
  until node_ready "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$(node_log "$name")" >&2
      fail "$name exited before it was ready (log: $(node_log "$name"))"
    fi
    ((SECONDS < deadline)) || fail "$name not ready after ${READY_TIMEOUT}s (log: $(node_log "$name"))"
    sleep 1
  done
  say "$name ready: http://127.0.0.1:$port"
}

stop_node() {
  local name="$1" pid
  if pid="$(node_pid "$name")"; then
    say "Stopping $name (pid $pid)..."
    kill -TERM "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name did not stop in 30 s: killing it."
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$(node_pid_file "$name")"
}

# ---- commands ----------------------------------------------------------------------------------

print_usage_hints() {
  cat <<EOF

Community cluster in $cluster_dir
  node1   http://127.0.0.1:${NODE_PORTS[0]}   log $(node_log node1)
  node2   http://127.0.0.1:${NODE_PORTS[1]}   log $(node_log node2)
  db      Host=127.0.0.1;Port=$pg_port;Database=$DB_NAME;Username=$DB_USER (password in $cluster_dir/db-password)
  admin   handle "$ADMIN_HANDLE", password in $cluster_dir/admin-password

Both nodes share PostgreSQL: an account, room or message made through one is there on the
other, and hub events cross between nodes (LISTEN/NOTIFY). Try it:

  N1=http://127.0.0.1:${NODE_PORTS[0]} N2=http://127.0.0.1:${NODE_PORTS[1]}
  ADMIN=\$(curl -s -XPOST \$N1/api/auth/login -H 'content-type: application/json' \\
    -d "{\"handle\":\"$ADMIN_HANDLE\",\"password\":\"\$(cat $cluster_dir/admin-password)\"}" | jq -r .token)
  curl -s -XPOST \$N1/api/admin/invitations -H "authorization: Bearer \$ADMIN" \\
    -H 'content-type: application/json' -d '{"count":2}'
  # register one alumnus on node1 and one on node2 (POST /api/auth/register with each code),
  # then GET \$N2/api/me with the node1 member's token: the same member, seen from the other node.

A hub client connected to node1 (ws://127.0.0.1:${NODE_PORTS[0]}/hubs/chat) and one connected to
node2 (ws://127.0.0.1:${NODE_PORTS[1]}/hubs/chat), both members of a room, receive each other's
messages: SendMessage on one node, the "message" event on both.

  $0 status      what runs
  $0 stop        stop the nodes and PostgreSQL (data is kept; rm -rf $cluster_dir to forget it)
EOF
}

cmd_start() {
  command -v curl >/dev/null || fail "curl is needed (apt-get install -y curl)"
  command -v openssl >/dev/null || fail "openssl is needed (apt-get install -y openssl)"
  ensure_pg_installed
  if [[ -f "$(pg_data)/PG_VERSION" && ! -s "$cluster_dir/db-password" ]]; then
    fail "$(pg_data) exists but its password file $cluster_dir/db-password is gone: delete $cluster_dir to start afresh"
  fi
  db_password="$(stored_secret db-password)"
  admin_password="$(stored_secret admin-password "${COMMUNITY_ADMIN_PASSWORD:-}")"
  init_pg
  start_pg
  ensure_database

  local i running=0
  for i in "${!NODES[@]}"; do
    if node_pid "${NODES[$i]}" >/dev/null; then running=$((running + 1)); fi
  done
  # Build only when no node runs from the current copy; a lone survivor keeps its build.
  if ((running == 0)) || [[ ! -f "$cluster_dir/app/Community.Gateway.dll" ]]; then
    build_gateway
  fi
  for i in "${!NODES[@]}"; do
    if node_pid "${NODES[$i]}" >/dev/null; then
      say "${NODES[$i]} already running."
    else
      start_node "${NODES[$i]}" "${NODE_PORTS[$i]}"
    fi
  done
  for i in "${!NODES[@]}"; do
    wait_ready "${NODES[$i]}" "${NODE_PORTS[$i]}"
  done
  if [[ -n "${COMMUNITY_ADMIN_PASSWORD:-}" ]]; then
    say "(The admin account is created only once: a changed COMMUNITY_ADMIN_PASSWORD does not change it.)"
  fi
  print_usage_hints
}

cmd_stop() {
  local name
  for name in "${NODES[@]}"; do
    stop_node "$name"
  done
  pg_bin="$(find_pg_bin || true)"
  stop_pg
  say "Stopped ($cluster_dir kept)."
}

cmd_status() {
  local i pid status=0
  for i in "${!NODES[@]}"; do
    if pid="$(node_pid "${NODES[$i]}")"; then
      if node_ready "${NODE_PORTS[$i]}"; then
        say "${NODES[$i]}: ready    pid $pid  http://127.0.0.1:${NODE_PORTS[$i]}"
      else
        say "${NODES[$i]}: starting pid $pid  http://127.0.0.1:${NODE_PORTS[$i]}"
        status=1
      fi
    else
      say "${NODES[$i]}: stopped"
      status=1
    fi
  done
  if pg_bin="$(find_pg_bin)" && pg_running; then
    say "postgres: running pid $(head -n 1 "$(pg_data)/postmaster.pid")  127.0.0.1:$(sed -n 4p "$(pg_data)/postmaster.pid")"
  else
    say "postgres: stopped"
    status=1
  fi
  return "$status"
}

main() {
  parse_args "$@"
  case "$command_name" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
  esac
}

pg_bin=""
db_password=""
admin_password=""
main "$@"
