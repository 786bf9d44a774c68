#!/usr/bin/env bash
# A local high-availability PostgreSQL cluster for tests and for operators to try (issue 24):
#   one etcd member, three PostgreSQL 15 nodes managed by Patroni (synchronous_mode: true), and HAProxy with a
#   read-write port to the leader and a read-only port to the replicas (Patroni's REST checks /primary, /replica).
# Everything lives in one directory (ACCORD_CLUSTER_DIR, default /tmp/accord-cluster) on loopback ports from
# ACCORD_CLUSTER_PORT (default 15400); `stop` ends every process the script started and deletes the directory.
#
#   scripts/cluster.sh start     # installs Debian's packages when missing (as root), starts, waits for a leader
#   scripts/cluster.sh status    # patronictl list, and the URLs to use
#   scripts/cluster.sh env       # DATABASE_URL=... and DATABASE_READ_URL=... lines for a shell's eval
#   scripts/cluster.sh leader    # the name of the current leader (node1..node3)
#   scripts/cluster.sh revive    # restarts the Patroni of a node that was killed (it rejoins as a replica)
#   scripts/cluster.sh stop
#
# The packages' own system services are never used: whatever the installation starts is stopped and disabled.
# docs/operations.md ("High availability") describes the same layout for production.
set -euo pipefail

DIR="${ACCORD_CLUSTER_DIR:-/tmp/accord-cluster}"
BASE="${ACCORD_CLUSTER_PORT:-15400}"
ETCD_CLIENT=$((BASE + 0))
ETCD_PEER=$((BASE + 1))
HAPROXY_RW=$((BASE + 2))
HAPROXY_RO=$((BASE + 3))
HAPROXY_STATS=$((BASE + 4))
pg_port() { echo $((BASE + 10 + $1)); }
rest_port() { echo $((BASE + 20 + $1)); }
PG_BIN="${ACCORD_CLUSTER_PG_BIN:-/usr/lib/postgresql/15/bin}"
NODES=(1 2 3)
RUN_AS=postgres

log() { printf 'cluster: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# --- installation ---------------------------------------------------------------------------------------------

# Stops and disables a package's own service, which installation may have started on the default ports.
quiet_service() {
  local name="$1"
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    systemctl disable --now "$name" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$name" ]; then
    "/etc/init.d/$name" stop >/dev/null 2>&1 || true
    update-rc.d "$name" disable >/dev/null 2>&1 || true
  fi
}

ensure_packages() {
  local missing=()
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v patroni >/dev/null || missing+=(patroni)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v pgbouncer >/dev/null || missing+=(pgbouncer)
  [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-15)
  if [ "${#missing[@]}" -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: run as root, or apt-get install them"
    log "installing ${missing[*]}"
    apt-get update -qq
    # No service may start on its default ports (etcd 2379, haproxy, pgbouncer 6432): policy-rc.d refuses
    # starts during the installation, and the services are disabled after it.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
    [ "$own_policy" = 1 ] && rm -f "$policy"
  fi
  # Also when an earlier installation (not this script's) left them enabled.
  for service in etcd haproxy pgbouncer patroni; do quiet_service "$service"; done
}

# --- helpers --------------------------------------------------------------------------------------------------

port_free() { ! ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }

# As root, etcd and Patroni (and so PostgreSQL, which refuses root) run as the postgres user.
AS_OWNER=()
[ "$(id -u)" = 0 ] && AS_OWNER=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --init-groups)

# Starts a program in the background with its output in $DIR/<name>.log and its pid in $DIR/<name>.pid.
spawn() {
  local name="$1"
  shift
  # setsid: a terminal's Ctrl-C does not reach the cluster, only `stop` does.
  nohup setsid "$@" >>"$DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/$name.pid"
}

alive() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

wait_for() {
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  die "$what did not come up within ${seconds}s (logs in $DIR)"
}

# --- configuration --------------------------------------------------------------------------------------------

write_patroni_config() {
  local n="$1" file="$DIR/node$1.yml"
  cat >"$file" <<YAML
scope: accord
namespace: /accord-cluster/
name: node$n
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:$(rest_port "$n")
  connect_address: 127.0.0.1:$(rest_port "$n")
etcd3:
  host: 127.0.0.1:$ETCD_CLIENT
bootstrap:
  dcs:
    # A dead leader's key expires after ttl; loop_wait + 2 * retry_timeout must not exceed it.
    ttl: 10
    loop_wait: 2
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    # A commit returns only once a synchronous standby has it, and only that standby may be promoted: a failover
    # loses no acknowledged transaction.
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        max_connections: 200
        hot_standby_feedback: "on"
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:$(pg_port "$n")
  connect_address: 127.0.0.1:$(pg_port "$n")
  data_dir: $DIR/node$n/data
  bin_dir: $PG_BIN
  pgpass: $DIR/node$n/pgpass
  authentication:
    superuser:
      username: postgres
      password: postgres
    replication:
      username: replicator
      password: replicator
    rewind:
      username: postgres
      password: postgres
  parameters:
    unix_socket_directories: $DIR/node$n
    shared_buffers: 64MB
    fsync: "${ACCORD_CLUSTER_FSYNC:-on}"
tags:
  nofailover: false
  noloadbalance: false
YAML
}

# One HAProxy section sending connections to the nodes whose Patroni answers 200 on the given check path.
haproxy_listen() {
  local name=$1 port=$2 check=$3 balance=${4:-}
  echo
  echo "listen $name"
  echo "  bind 127.0.0.1:$port"
  if [ -n "$balance" ]; then echo "  balance $balance"; fi
  echo "  option httpchk OPTIONS $check"
  echo "  http-check expect status 200"
  echo "  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions"
  for n in "${NODES[@]}"; do
    echo "  server node$n 127.0.0.1:$(pg_port "$n") maxconn 200 check port $(rest_port "$n")"
  done
}

write_haproxy_config() {
  local file="$DIR/haproxy.cfg"
  {
    cat <<CFG
global
  maxconn 1000
  pidfile $DIR/haproxy.pid

defaults
  mode tcp
  retries 2
  timeout connect 3s
  timeout client 30m
  timeout server 30m
  timeout check 2s

listen stats
  mode http
  bind 127.0.0.1:$HAPROXY_STATS
  stats enable
  stats uri /
CFG
    # Only the node whose Patroni answers 200 on /primary takes connections; when it stops doing so, connections to
    # it are cut (on-marked-down shutdown-sessions) so clients reconnect to the new leader instead of hanging.
    haproxy_listen primary "$HAPROXY_RW" /primary
    haproxy_listen replicas "$HAPROXY_RO" /replica roundrobin
  } >"$file"
}

# --- commands -------------------------------------------------------------------------------------------------

leader() {
  for n in "${NODES[@]}"; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(rest_port "$n")/primary")" = 200 ]; then
      echo "node$n"
      return 0
    fi
  done
  return 1
}

replicas_up() {
  local count=0
  for n in "${NODES[@]}"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(rest_port "$n")/replica")" = 200 ] &&
      count=$((count + 1))
  done
  [ "$count" -ge "${1:-2}" ]
}

sync_standby() {
  curl -s "http://127.0.0.1:$(rest_port 1)/cluster" | grep -q '"role": *"sync_standby"'
}

cmd_start() {
  if [ -d "$DIR" ] && alive etcd; then die "already running in $DIR (scripts/cluster.sh stop first)"; fi
  ensure_packages
  for port in "$ETCD_CLIENT" "$ETCD_PEER" "$HAPROXY_RW" "$HAPROXY_RO" "$HAPROXY_STATS" \
    "$(pg_port 1)" "$(pg_port 2)" "$(pg_port 3)" "$(rest_port 1)" "$(rest_port 2)" "$(rest_port 3)"; do
    port_free "$port" || die "port $port is taken; set ACCORD_CLUSTER_PORT to another base"
  done
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 0755 "$DIR"
  for n in "${NODES[@]}"; do mkdir -p "$DIR/node$n"; done
  [ "$(id -u)" = 0 ] && chown -R "$RUN_AS:$RUN_AS" "$DIR"

  spawn etcd "${AS_OWNER[@]}" etcd --name accord-etcd --data-dir "$DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "accord-etcd=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new \
    --initial-cluster-token "accord-$BASE"
  wait_for etcd 20 curl -sf "http://127.0.0.1:$ETCD_CLIENT/health"

  for n in "${NODES[@]}"; do
    write_patroni_config "$n"
    spawn "patroni$n" "${AS_OWNER[@]}" patroni "$DIR/node$n.yml"
    # The first node bootstraps the cluster; the others clone it once it leads.
    [ "$n" = 1 ] && wait_for "the leader" 60 leader
  done
  wait_for "two replicas" 90 replicas_up 2
  wait_for "a synchronous standby" 60 sync_standby

  write_haproxy_config
  haproxy -D -f "$DIR/haproxy.cfg" -p "$DIR/haproxy.pid" >"$DIR/haproxy.log" 2>&1
  wait_for "HAProxy's read-write port" 20 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$HAPROXY_RW"
  wait_for "HAProxy's read-only port" 20 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$HAPROXY_RO"
  log "up in $DIR; leader $(leader)"
  cmd_env
}

# Starts Patroni again on every node whose Patroni is gone (a test killed the node): it rejoins as a replica.
cmd_revive() {
  [ -d "$DIR" ] || die "not running (no $DIR)"
  for n in "${NODES[@]}"; do
    alive "patroni$n" || spawn "patroni$n" "${AS_OWNER[@]}" patroni "$DIR/node$n.yml"
  done
}

cmd_env() {
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$HAPROXY_RW/postgres"
  echo "DATABASE_READ_URL=postgres://postgres@127.0.0.1:$HAPROXY_RO/postgres"
}

cmd_status() {
  [ -d "$DIR" ] || die "not running (no $DIR)"
  for name in etcd patroni1 patroni2 patroni3 haproxy; do
    if alive "$name"; then echo "$name: running (pid $(cat "$DIR/$name.pid"))"; else echo "$name: stopped"; fi
  done
  patronictl -c "$DIR/node1.yml" list 2>/dev/null || true
  echo "read-write 127.0.0.1:$HAPROXY_RW, read-only 127.0.0.1:$HAPROXY_RO, HAProxy stats http://127.0.0.1:$HAPROXY_STATS/"
  for n in "${NODES[@]}"; do echo "node$n: PostgreSQL 127.0.0.1:$(pg_port "$n"), Patroni REST 127.0.0.1:$(rest_port "$n")"; done
}

stop_pidfile() {
  local name="$1" signal="${2:-TERM}" pid
  [ -f "$DIR/$name.pid" ] || return 0
  pid="$(head -1 "$DIR/$name.pid")"
  kill -"$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  [ -d "$DIR" ] || {
    log "not running (no $DIR)"
    return 0
  }
  stop_pidfile haproxy
  # Patroni stops its PostgreSQL on the way out (fast shutdown).
  for n in "${NODES[@]}"; do stop_pidfile "patroni$n" & done
  wait
  # A postmaster left behind (Patroni killed hard, a test's kill -9 mid-restart) is ended by its own pid file.
  for n in "${NODES[@]}"; do
    local pidfile="$DIR/node$n/data/postmaster.pid"
    if [ -f "$pidfile" ]; then
      local pid
      pid="$(head -1 "$pidfile")"
      kill -QUIT "$pid" 2>/dev/null || true
    fi
  done
  stop_pidfile etcd
  rm -rf "$DIR"
  log "stopped; $DIR removed"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
env) cmd_env ;;
leader) leader || die "no leader" ;;
revive) cmd_revive ;;
*)
  echo "usage: $0 start|stop|status|env|leader|revive" >&2
  exit 2
  ;;
esac
