#!/usr/bin/env bash
# A Community cluster on this machine, without containers: PostgreSQL and Redis from Debian's
# binaries and two co-hosted nodes (or, with --split, two silo nodes and two gateway nodes), all
# on loopback.
#
#   deploy/local-cluster.sh [start] [--split] [--no-build] [--dir DIR] [--pg-port PORT] [--redis-port PORT]
#   deploy/local-cluster.sh status [--dir DIR]     what runs, what is ready, the cluster's silos
#   deploy/local-cluster.sh stop   [--dir DIR]     stop the nodes, Redis and PostgreSQL
#
# Co-hosted (the default): node1 and node2, each the gateway and an Orleans silo in one process.
# --split: silo1 and silo2 (Community.Silo.dll: grains and storage) and gateway1 and gateway2
# (Community.Gateway.dll as Orleans clients). Both shapes use the same database: stop one, start
# the other, and the network is still there. --no-build runs the last Release build as it is.
#
#   node        HTTP             SiloPort  GatewayPort
#   node1       127.0.0.1:5081   11181     30081
#   node2       127.0.0.1:5082   11182     30082
#   silo1       127.0.0.1:5091   11191     30091     (health only)
#   silo2       127.0.0.1:5092   11192     30092     (health only)
#   gateway1    127.0.0.1:5081   -         -         (calls the silos on their GatewayPort)
#   gateway2    127.0.0.1:5082   -         -
#   PostgreSQL 127.0.0.1:55432, Redis 127.0.0.1:56379 (the hub backplane).
#
# Everything lives in DIR (default ${TMPDIR:-/tmp}/community-cluster): PostgreSQL's data and log,
# Redis' configuration and log, the built programs, each node's log and pid file, and the
# generated passwords (mode 0600). The secretariat account is "admin"; its password comes from
# COMMUNITY_ADMIN_PASSWORD, or is generated on the first start and kept in DIR/admin-password.
# Running "start" again is safe: what already runs is left alone. Data survives stop/start;
# delete DIR to start afresh.
set -euo pipefail

# name:program:http-port:silo-port:gateway-port. Program: cohosted (gateway + silo), silo, client
# (a gateway in client mode). The nodes of a shape start in this order, silos before clients.
readonly COHOSTED_NODES=(node1:cohosted:5081:11181:30081 node2:cohosted:5082:11182:30082)
readonly SPLIT_NODES=(silo1:silo:5091:11191:30091 silo2:silo:5092:11192:30092 gateway1:client:5081:: gateway2:client:5082::)
readonly DB_NAME=community
readonly DB_USER=community
readonly ADMIN_HANDLE=admin
readonly READY_TIMEOUT=120
readonly CLUSTER_ID=community

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command_name=start
shape=cohosted
build=yes
default_dir="${TMPDIR:-/tmp}/community-cluster"
cluster_dir="$default_dir"
pg_port=55432
redis_port=56379

usage() {
  sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

say() { printf '%s\n' "$*"; }
fail() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }

parse_args() {
  while (($# > 0)); do
    case "$1" in
      start | stop | status) command_name="$1" ;;
      --split) shape="split" ;;
      --no-build) build=no ;;
      --dir) (($# > 1)) || fail "--dir needs a folder"; cluster_dir="$2"; shift ;;
      --dir=*) cluster_dir="${1#--dir=}" ;;
      --pg-port) (($# > 1)) || fail "--pg-port needs a port"; pg_port="$2"; shift ;;
      --pg-port=*) pg_port="${1#--pg-port=}" ;;
      --redis-port) (($# > 1)) || fail "--redis-port needs a port"; redis_port="$2"; shift ;;
      --redis-port=*) redis_port="${1#--redis-port=}" ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; fail "unknown argument: $1" ;;
    esac
    shift
  done
  [[ "$pg_port" =~ ^[0-9]+$ ]] || fail "--pg-port must be a number, not '$pg_port'"
  [[ "$redis_port" =~ ^[0-9]+$ ]] || fail "--redis-port must be a number, not '$redis_port'"
  if [[ "$command_name" == start ]]; then
    mkdir -p "$cluster_dir"
  elif [[ ! -d "$cluster_dir" ]]; then
    say "No cluster in $cluster_dir."
    [[ "$command_name" == stop ]] && exit 0
    exit 1
  fi
  cluster_dir="$(cd "$cluster_dir" && pwd)"
}

# " --dir DIR" for the commands this prints, unless DIR is the default.
dir_arg() { [[ "$cluster_dir" == "$default_dir" ]] || printf ' --dir %s' "$cluster_dir"; }

is_root() { [[ "$(id -u)" == 0 ]]; }

port_taken() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

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

# Installs a Debian package when this runs as root; otherwise says how.
apt_install() {
  local package="$1"
  is_root || fail "$package is not installed: run 'sudo apt-get install -y $package', then again"
  say "Installing $package (apt-get install $package)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; } \
    || fail "apt-get install $package failed"
}

# ---- PostgreSQL --------------------------------------------------------------------------------

pg_dir() { printf '%s/pg' "$cluster_dir"; }
pg_data() { printf '%s/pg/data' "$cluster_dir"; }
pg_log() { printf '%s/pg/postgres.log' "$cluster_dir"; }

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
  apt_install postgresql
  pg_bin="$(find_pg_bin)" || fail "PostgreSQL installed, but no /usr/lib/postgresql/*/bin found"
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
    port_taken "$pg_port" && fail "127.0.0.1:$pg_port is in use by another program: choose another --pg-port"
    say "Starting PostgreSQL on 127.0.0.1:$pg_port..."
    as_pg "$pg_bin/pg_ctl" -D "$(pg_data)" -l "$(pg_log)" -w -t 60 start >/dev/null \
      || { tail -n 20 "$(pg_log)" >&2; fail "PostgreSQL did not start (log: $(pg_log))"; }
  fi
  head -n 1 "$(pg_data)/postmaster.pid" >"$cluster_dir/postgres.pid"
  # The port it actually listens on (a running cluster keeps the one it started with).
  pg_port="$(sed -n 4p "$(pg_data)/postmaster.pid")"
}

psql_as_owner() {
  local database="$1"
  shift
  PGPASSWORD="$db_password" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$DB_USER" -d "$database" \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

ensure_database() {
  if [[ "$(psql_as_owner postgres -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]]; then
    say "Creating database $DB_NAME..."
    psql_as_owner postgres -c "create database $DB_NAME owner $DB_USER" >/dev/null
  fi
}

stop_pg() {
  if [[ -n "${pg_bin:-}" ]] && pg_running; then
    say "Stopping PostgreSQL..."
    as_pg "$pg_bin/pg_ctl" -D "$(pg_data)" -m fast -w stop >/dev/null
  fi
  rm -f "$cluster_dir/postgres.pid"
}

# ---- Redis (the hub backplane) -----------------------------------------------------------------

redis_dir() { printf '%s/redis' "$cluster_dir"; }
redis_pid_file() { printf '%s/redis/redis.pid' "$cluster_dir"; }
redis_log() { printf '%s/redis/redis.log' "$cluster_dir"; }

ensure_redis_installed() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
  apt_install redis-server
  command -v redis-server >/dev/null || fail "redis-server installed, but not on the PATH"
}

# Redis' pid, if its pid file names a live redis-server.
redis_pid() {
  local file pid
  file="$(redis_pid_file)"
  [[ -s "$file" ]] || return 1
  pid="$(head -n 1 "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'redis-server' || return 1
  printf '%s' "$pid"
}

redis_ping() {
  local port="$1"
  [[ "$(REDISCLI_AUTH="$redis_password" redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]]
}

# The port the running Redis was started on (kept in its configuration file).
redis_running_port() { sed -n 's/^port //p' "$(redis_dir)/redis.conf" 2>/dev/null; }

start_redis() {
  if redis_pid >/dev/null; then
    redis_port="$(redis_running_port)"
    say "Redis already running (127.0.0.1:$redis_port)."
    return
  fi
  port_taken "$redis_port" && fail "127.0.0.1:$redis_port is in use by another program: choose another --redis-port"
  mkdir -p "$(redis_dir)"
  chmod 700 "$(redis_dir)"
  # The password goes in a 0600 file, not on a command line that ps shows. Publish/subscribe
  # only: nothing is saved.
  (
    umask 077
    printf '%s\n' \
      "bind 127.0.0.1" "port $redis_port" "protected-mode yes" "requirepass $redis_password" \
      "save \"\"" "appendonly no" "dir $(redis_dir)" "daemonize yes" \
      "pidfile $(redis_pid_file)" "logfile $(redis_log)" >"$(redis_dir)/redis.conf"
  )
  say "Starting Redis on 127.0.0.1:$redis_port..."
  rm -f "$(redis_pid_file)"
  redis-server "$(redis_dir)/redis.conf" || fail "redis-server did not start (log: $(redis_log))"
  local deadline=$((SECONDS + 30))
  until redis_ping "$redis_port"; do
    ((SECONDS < deadline)) || { tail -n 20 "$(redis_log)" >&2; fail "Redis not answering (log: $(redis_log))"; }
    sleep 0.2
  done
}

stop_redis() {
  local pid
  if pid="$(redis_pid)"; then
    say "Stopping Redis (pid $pid)..."
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
  fi
  rm -f "$(redis_pid_file)"
}

# ---- nodes -------------------------------------------------------------------------------------

# Splits a node spec (name:program:http:silo:gateway) into the node_* variables.
read_node() {
  IFS=: read -r node_name node_program node_http node_silo node_gateway <<<"$1"
}

shape_nodes() {
  case "$1" in
    cohosted) printf '%s\n' "${COHOSTED_NODES[@]}" ;;
    split) printf '%s\n' "${SPLIT_NODES[@]}" ;;
  esac
}

other_shape() { [[ "$1" == split ]] && printf cohosted || printf split; }

node_dll() { [[ "$1" == silo ]] && printf 'Community.Silo.dll' || printf 'Community.Gateway.dll'; }
node_app() { [[ "$1" == silo ]] && printf '%s/app/silo' "$cluster_dir" || printf '%s/app/gateway' "$cluster_dir"; }

node_pid_file() { printf '%s/%s.pid' "$cluster_dir" "$1"; }
node_log() { printf '%s/%s.log' "$cluster_dir" "$1"; }

# The node's pid, if its pid file names a live process running the node's program.
node_pid() {
  local name="$1" program="$2" file pid
  file="$(node_pid_file "$name")"
  [[ -s "$file" ]] || return 1
  pid="$(head -n 1 "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$(node_dll "$program")" || return 1
  printf '%s' "$pid"
}

node_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

# How many nodes of a shape run.
running_nodes() {
  local spec count=0
  while read -r spec; do
    read_node "$spec"
    if node_pid "$node_name" "$node_program" >/dev/null; then count=$((count + 1)); fi
  done < <(shape_nodes "$1")
  printf '%s' "$count"
}

build_project() {
  local project="$1"
  say "Building $project (dotnet build $project -c Release)..."
  (cd "$repo_root" && dotnet build "$project" -c Release -nologo -v quiet) >>"$cluster_dir/build.log" 2>&1 \
    || { tail -n 30 "$cluster_dir/build.log" >&2; fail "build failed (log: $cluster_dir/build.log)"; }
}

# Builds (unless --no-build) and copies the programs the shape runs: the nodes run from a copy,
# so a later build in the repository cannot change them under their feet.
install_programs() {
  local gateway_out="$repo_root/src/Gateway/bin/Release/net10.0" silo_out="$repo_root/src/Silo/bin/Release/net10.0"
  if [[ "$build" == yes ]]; then
    command -v dotnet >/dev/null || fail "dotnet is not installed (the .NET 10 SDK; see global.json)"
    : >"$cluster_dir/build.log"
    build_project src/Gateway
    if [[ "$shape" == split ]]; then build_project src/Silo; fi
  fi
  [[ -f "$gateway_out/Community.Gateway.dll" ]] || fail "no build in $gateway_out: run without --no-build"
  rm -rf "$cluster_dir/app"
  mkdir -p "$cluster_dir/app"
  cp -a "$gateway_out" "$cluster_dir/app/gateway"
  if [[ "$shape" == split ]]; then
    [[ -f "$silo_out/Community.Silo.runtimeconfig.json" ]] \
      || fail "src/Silo did not build a runnable host ($silo_out/Community.Silo.runtimeconfig.json is missing): the split shape needs Community.Silo.dll as a program"
    cp -a "$silo_out" "$cluster_dir/app/silo"
  fi
}

start_node() {
  local name="$1" program="$2" http="$3" silo_port="$4" gateway_port="$5" pid port
  for port in "$http" "$silo_port" "$gateway_port"; do
    if [[ -n "$port" ]] && port_taken "$port"; then
      fail "127.0.0.1:$port (for $name) is in use by another program: stop it, or '$0 stop --dir …' an older cluster"
    fi
  done
  local settings=(
    Community__Storage__Provider=postgres
    ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Database=$DB_NAME;Username=$DB_USER;Password=$db_password;Maximum Pool Size=20"
    ConnectionStrings__Redis="127.0.0.1:$redis_port,password=$redis_password"
    Community__Orleans__ClusterId="$CLUSTER_ID"
    Community__Orleans__ServiceId="$CLUSTER_ID"
    Community__NodeId="$name"
    Community__DataPath="$cluster_dir/$name-data"
  )
  # Every node is on loopback: no AdvertisedAddress, distinct ports instead.
  case "$program" in
    cohosted | silo)
      settings+=(Community__Orleans__SiloPort="$silo_port" Community__Orleans__GatewayPort="$gateway_port") ;;
    client)
      settings+=(Community__Orleans__Mode=client) ;;
  esac
  if [[ "$program" != silo ]]; then
    settings+=(Community__Bootstrap__Handle="$ADMIN_HANDLE" Community__Bootstrap__Password="$admin_password"
      Community__Stamps__UrlKey="stamps:$db_password")
  fi
  say "Starting $name ($program) on 127.0.0.1:$http (log: $(node_log "$name"))..."
  printf '==== %s: local-cluster.sh starts %s (%s) on 127.0.0.1:%s\n' "$(date -u +%FT%TZ)" "$name" "$program" "$http" >>"$(node_log "$name")"
  # The content root is the working directory: run from the program's folder so its
  # appsettings.json is read.
  (
    cd "$(node_app "$program")"
    exec env "${settings[@]}" nohup dotnet "$(node_dll "$program")" --urls "http://127.0.0.1:$http" \
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
  local name="$1" program="$2" pid
  if pid="$(node_pid "$name" "$program")"; then
    say "Stopping $name (pid $pid)..."
    kill -TERM "$pid"
    for _ in $(seq 1 45); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name did not stop in 45 s: killing it."
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$(node_pid_file "$name")"
}

# Starts the nodes of the shape that do not run yet, in order; a client waits for the silos
# before it starts (it needs one to call).
start_nodes() {
  local spec waiting_spec waiting=()
  while read -r spec; do
    read_node "$spec"
    if [[ "$node_program" == client ]]; then
      for waiting_spec in "${waiting[@]}"; do
        read_node "$waiting_spec"
        wait_ready "$node_name" "$node_http"
      done
      waiting=()
      read_node "$spec"
    fi
    if node_pid "$node_name" "$node_program" >/dev/null; then
      say "$node_name already running."
    else
      start_node "$node_name" "$node_program" "$node_http" "$node_silo" "$node_gateway"
      waiting+=("$spec")
    fi
  done < <(shape_nodes "$shape")
  for spec in "${waiting[@]}"; do
    read_node "$spec"
    wait_ready "$node_name" "$node_http"
  done
}

# ---- commands ----------------------------------------------------------------------------------

print_usage_hints() {
  local spec first_http="" second_http="" dir_arg
  dir_arg="$(dir_arg)"
  say ""
  say "Community cluster ($shape) in $cluster_dir"
  while read -r spec; do
    read_node "$spec"
    case "$node_program" in
      cohosted) say "  $node_name   http://127.0.0.1:$node_http   silo :$node_silo  gateway :$node_gateway   log $(node_log "$node_name")" ;;
      silo) say "  $node_name   http://127.0.0.1:$node_http (health)   silo :$node_silo  gateway :$node_gateway   log $(node_log "$node_name")" ;;
      client) say "  $node_name   http://127.0.0.1:$node_http   (Orleans client)   log $(node_log "$node_name")" ;;
    esac
    if [[ "$node_program" != silo ]]; then
      if [[ -z "$first_http" ]]; then first_http="$node_http"; else second_http="$node_http"; fi
    fi
  done < <(shape_nodes "$shape")
  cat <<EOF
  db       Host=127.0.0.1;Port=$pg_port;Database=$DB_NAME;Username=$DB_USER (password in $cluster_dir/db-password)
  redis    127.0.0.1:$redis_port (password in $cluster_dir/redis-password)
  admin    handle "$ADMIN_HANDLE", password in $cluster_dir/admin-password

The nodes find each other through Orleans' membership table in PostgreSQL; each grain (member,
room, DM) is active on one silo of the cluster, and hub events reach every node's connections
through Redis. An account, room or message made through one HTTP node is there on the other:

  N1=http://127.0.0.1:$first_http N2=http://127.0.0.1:$second_http
  ADMIN=\$(curl -s -XPOST \$N1/api/auth/login -H 'content-type: application/json' \\
    -d "{\"handle\":\"$ADMIN_HANDLE\",\"password\":\"\$(cat $cluster_dir/admin-password)\"}" | jq -r .token)
  curl -s -XPOST \$N1/api/admin/invitations -H "authorization: Bearer \$ADMIN" \\
    -H 'content-type: application/json' -d '{"count":2}'
  # register one alumnus on N1 and one on N2 (POST /api/auth/register with each code),
  # then GET \$N2/api/me with the first member's token: the same member, seen from the other node.

A hub client connected to ws://127.0.0.1:$first_http/hubs/chat and one connected to
ws://127.0.0.1:$second_http/hubs/chat, both members of a room, receive each other's messages:
SendMessage on one node, the "message" event on both.

  $0 status$dir_arg      what runs, and the silos the cluster counts as active
  $0 stop$dir_arg        stop the nodes, Redis and PostgreSQL (data is kept; rm -rf $cluster_dir to forget it)
EOF
}

cmd_start() {
  command -v curl >/dev/null || fail "curl is needed (apt-get install -y curl)"
  command -v openssl >/dev/null || fail "openssl is needed (apt-get install -y openssl)"
  local other
  other="$(other_shape "$shape")"
  if (($(running_nodes "$other") > 0)); then
    fail "the $other shape runs in $cluster_dir: '$0 stop$(dir_arg)' first (the data stays)"
  fi
  ensure_pg_installed
  ensure_redis_installed
  if [[ -f "$(pg_data)/PG_VERSION" && ! -s "$cluster_dir/db-password" ]]; then
    fail "$(pg_data) exists but its password file $cluster_dir/db-password is gone: delete $cluster_dir to start afresh"
  fi
  db_password="$(stored_secret db-password)"
  redis_password="$(stored_secret redis-password)"
  admin_password="$(stored_secret admin-password "${COMMUNITY_ADMIN_PASSWORD:-}")"
  init_pg
  start_pg
  ensure_database
  start_redis
  printf '%s\n' "$shape" >"$cluster_dir/shape"

  # Build only when no node of the shape runs from the current copy; a lone survivor keeps its build.
  local needed=gateway
  [[ "$shape" == split ]] && needed=silo
  if (($(running_nodes "$shape") == 0)) || [[ ! -d "$(node_app "$needed")" ]]; then
    install_programs
  fi
  start_nodes
  if [[ -n "${COMMUNITY_ADMIN_PASSWORD:-}" ]]; then
    say "(The admin account is created only once: a changed COMMUNITY_ADMIN_PASSWORD does not change it.)"
  fi
  print_usage_hints
}

cmd_stop() {
  local spec
  # Gateways before silos, so that no client is left calling a silo that went away.
  while read -r spec; do
    read_node "$spec"
    stop_node "$node_name" "$node_program"
  done < <(shape_nodes split | tac; shape_nodes cohosted)
  stop_redis
  pg_bin="$(find_pg_bin || true)"
  stop_pg
  say "Stopped ($cluster_dir kept)."
}

# The silos the cluster's membership table counts as active (Orleans' SiloStatus.Active is 3).
print_active_silos() {
  [[ -s "$cluster_dir/db-password" ]] || return 0
  db_password="$(head -n 1 "$cluster_dir/db-password")"
  local silos
  silos="$(psql_as_owner "$DB_NAME" -c "select address || ':' || port from orleansmembershiptable where deploymentid = '$CLUSTER_ID' and status = 3 order by port" 2>/dev/null | paste -sd ' ')" \
    || return 0
  say "cluster:  active silos ${silos:-none}"
}

cmd_status() {
  local spec pid status=0 recorded=cohosted shown
  [[ -s "$cluster_dir/shape" ]] && recorded="$(head -n 1 "$cluster_dir/shape")"
  say "shape:    $recorded"
  while read -r spec; do
    read_node "$spec"
    shown=no
    if pid="$(node_pid "$node_name" "$node_program")"; then
      if node_ready "$node_http"; then
        say "$(printf '%-9s' "$node_name:") ready    pid $pid  http://127.0.0.1:$node_http"
      else
        say "$(printf '%-9s' "$node_name:") starting pid $pid  http://127.0.0.1:$node_http"
        status=1
      fi
      shown=yes
    fi
    # Nodes of the recorded shape are listed even when stopped; the other shape's only if running.
    if [[ "$shown" == no ]] && shape_nodes "$recorded" | grep -qx "$spec"; then
      say "$(printf '%-9s' "$node_name:") stopped"
      status=1
    fi
  done < <(shape_nodes "$recorded"; shape_nodes "$(other_shape "$recorded")")
  if pid="$(redis_pid)"; then
    say "redis:    running pid $pid  127.0.0.1:$(redis_running_port)"
  else
    say "redis:    stopped"
    status=1
  fi
  if pg_bin="$(find_pg_bin)" && pg_running; then
    pg_port="$(sed -n 4p "$(pg_data)/postmaster.pid")"
    say "postgres: running pid $(head -n 1 "$(pg_data)/postmaster.pid")  127.0.0.1:$pg_port"
    print_active_silos
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
redis_password=""
admin_password=""
node_name="" node_program="" node_http="" node_silo="" node_gateway=""
main "$@"
