#!/usr/bin/env bash
# A private PostgreSQL primary and streaming hot standby for trying read replicas and failover by hand
# (the sample application's "replica" profile, README "Scaling out"). Never touches the shared server on 5432.
#   scripts/replica-pair.sh up     primary postgresql://postgres@127.0.0.1:5450/test,
#                                  standby postgresql://postgres@127.0.0.1:5451/test (pg_basebackup -R, hot_standby)
#   scripts/replica-pair.sh promote  stops the primary and promotes the standby
#   scripts/replica-pair.sh down   drops both clusters
# Needs root and Debian's postgresql-common tools (pg_createcluster). Trust authentication on 127.0.0.1 only.
set -euo pipefail

PRIMARY=retort_pair_primary
STANDBY=retort_pair_standby
PRIMARY_PORT=5450
STANDBY_PORT=5451
VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
BIN=/usr/lib/postgresql/$VERSION/bin

die() { echo "replica-pair: ERROR: $*" >&2; exit 1; }

exists() { [[ -d /etc/postgresql/$VERSION/$1 ]]; }

create() { # name port [extra "key = 'value'" settings...]
  local name=$1 port=$2; shift 2
  pg_createcluster "$VERSION" "$name" -p "$port" --start-conf manual -- --auth=trust >/dev/null
  { echo "listen_addresses = '127.0.0.1'"; echo "max_prepared_transactions = 10"; echo "max_connections = 60"
    for setting in "$@"; do echo "$setting"; done; } > "/etc/postgresql/$VERSION/$name/conf.d/retort.conf"
}

ready() { # port
  for _ in $(seq 1 100); do
    if runuser -u postgres -- "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; then return 0; fi
    sleep 0.2
  done
  die "nothing answers on 127.0.0.1:$1 after 20 s"
}

up() {
  [[ -x /usr/bin/pg_createcluster ]] || die "pg_createcluster not found (install postgresql-common)"
  down
  create "$PRIMARY" "$PRIMARY_PORT"
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" start
  ready "$PRIMARY_PORT"
  runuser -u postgres -- psql -q -h 127.0.0.1 -p "$PRIMARY_PORT" -c "CREATE DATABASE test"
  create "$STANDBY" "$STANDBY_PORT" "hot_standby = on"
  rm -rf "/var/lib/postgresql/$VERSION/$STANDBY"/*
  timeout 120 runuser -u postgres -- "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres \
    -D "/var/lib/postgresql/$VERSION/$STANDBY" -R -X stream -c fast
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$STANDBY" start
  ready "$STANDBY_PORT"
  echo "primary postgresql://postgres@127.0.0.1:$PRIMARY_PORT/test"
  echo "standby postgresql://postgres@127.0.0.1:$STANDBY_PORT/test"
}

promote() {
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" stop -m fast
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$STANDBY" promote
  echo "127.0.0.1:$STANDBY_PORT is the primary now"
}

down() {
  for name in "$STANDBY" "$PRIMARY"; do
    if exists "$name"; then pg_dropcluster --stop "$VERSION" "$name"; fi
  done
}

case "${1:-}" in
  up) up ;;
  promote) promote ;;
  down) down ;;
  *) die "usage: $0 up|promote|down" ;;
esac
