#!/usr/bin/env bash
# Makes the local test databases used by Retort's integration tests ready
# (tests always run on H2; on these two when reachable, and CI=true requires them):
#   PostgreSQL  postgresql://postgres@127.0.0.1:5432/test  (trust auth, max_prepared_transactions > 0)
#   MariaDB     mariadb://root@127.0.0.1:3306/test         (root, empty password)
# Idempotent: a second run changes nothing and restarts nothing.
# A server that is not installed is reported and skipped (exit 0), unless CI=true,
# in which case the script fails. An installed server that cannot be made ready
# is always an error.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
PG_DB=test
PG_MAX_PREPARED=20
MARIADB_HOST=127.0.0.1
MARIADB_PORT=3306
MARIADB_DB=test
WAIT_SECONDS=${TEST_DATABASES_WAIT_SECONDS:-60}

say() { echo "$*"; }

# Runs a command that starts a server without the caller's extra descriptors: a server started under
# `flock /work/.mvn.lock ...` would otherwise inherit the lock and hold it for as long as it runs.
detached() { "$@" 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; }
die() { echo "test-databases: ERROR: $*" >&2; exit 1; }

not_installed() {
  # $1 = server name, $2 = detail
  if [[ "${CI:-}" == "true" ]]; then
    die "$1 is not installed ($2), but CI=true requires it"
  fi
  say "$1: not installed ($2), skipping; its tests will be skipped"
}

# wait_until <description> <command...>: retries the command until it succeeds.
wait_until() {
  local what=$1; shift
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      die "$what did not become ready within ${WAIT_SECONDS}s"
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------- PostgreSQL

pg_tcp() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -At "$@"; }
pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }

# Picks the version dir under /etc/postgresql whose "main" cluster uses port 5432,
# else the highest version that has a "main" cluster.
pg_pick_version() {
  local v port best=""
  for v in $(ls /etc/postgresql 2>/dev/null | sort -V); do
    [[ -f /etc/postgresql/$v/main/postgresql.conf ]] || continue
    port=$(pg_lsclusters -h 2>/dev/null | awk -v v="$v" '$1 == v && $2 == "main" { print $3 }')
    if [[ "$port" == "$PG_PORT" ]]; then echo "$v"; return; fi
    best=$v
  done
  echo "$best"
}

setup_postgresql() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    not_installed postgresql "pg_ctlcluster/psql not found"; return 0
  fi
  local ver
  ver=$(pg_pick_version)
  if [[ -z "$ver" ]]; then
    not_installed postgresql "no cluster under /etc/postgresql"; return 0
  fi

  if pg_ready; then
    say "postgresql: already running ($ver/main)"
  else
    say "postgresql: not running, starting $ver/main"
    detached pg_ctlcluster --skip-systemctl-redirect "$ver" main start \
      || die "postgresql: 'pg_ctlcluster $ver main start' failed (see /var/log/postgresql/postgresql-$ver-main.log)"
    wait_until "postgresql on $PG_HOST:$PG_PORT" pg_ready
    say "postgresql: started"
  fi

  # The tests connect over TCP as postgres without a password.
  if ! pg_tcp -d postgres -c 'select 1' >/dev/null 2>&1; then
    local hba
    hba=$(runuser -u postgres -- psql -X -At -c 'show hba_file') \
      || die "postgresql: cannot log in as postgres over TCP or via the socket"
    sed -i "1i host all all $PG_HOST/32 trust  # added by retort scripts/test-databases.sh" "$hba"
    runuser -u postgres -- psql -X -q -c 'select pg_reload_conf()' >/dev/null
    pg_tcp -d postgres -c 'select 1' >/dev/null \
      || die "postgresql: still cannot log in as postgres over TCP after adding trust to $hba"
    say "postgresql: added 'host all all $PG_HOST/32 trust' to $hba, reloaded"
  fi

  # Two-phase commit (PREPARE TRANSACTION) needs max_prepared_transactions > 0.
  local mpt
  mpt=$(pg_tcp -d postgres -c 'show max_prepared_transactions')
  if (( mpt > 0 )); then
    say "postgresql: max_prepared_transactions=$mpt, ok"
  else
    pg_tcp -d postgres -c "alter system set max_prepared_transactions = $PG_MAX_PREPARED" >/dev/null
    detached pg_ctlcluster --skip-systemctl-redirect "$ver" main restart \
      || die "postgresql: restart after setting max_prepared_transactions failed"
    wait_until "postgresql on $PG_HOST:$PG_PORT (after restart)" pg_ready
    mpt=$(pg_tcp -d postgres -c 'show max_prepared_transactions')
    (( mpt > 0 )) || die "postgresql: max_prepared_transactions is still $mpt after restart (overridden on the command line?)"
    say "postgresql: set max_prepared_transactions=$mpt, restarted"
  fi

  if [[ "$(pg_tcp -d postgres -c "select 1 from pg_database where datname = '$PG_DB'")" == "1" ]]; then
    say "postgresql: database $PG_DB exists"
  else
    pg_tcp -d postgres -c "create database $PG_DB" >/dev/null
    say "postgresql: created database $PG_DB"
  fi

  pg_tcp -d "$PG_DB" -c 'select 1' >/dev/null || die "postgresql: cannot connect to $PG_DB"
  say "postgresql: ready at postgresql://postgres@$PG_HOST:$PG_PORT/$PG_DB"
}

# ------------------------------------------------------------------- MariaDB

MARIADB_CLIENT=""
MARIADB_ADMIN=""

mariadb_tcp()    { "$MARIADB_CLIENT" --protocol=TCP -h "$MARIADB_HOST" -P "$MARIADB_PORT" -uroot -N -B "$@"; }
mariadb_socket() { "$MARIADB_CLIENT" --protocol=SOCKET -uroot -N -B "$@"; }
# "ping" answers 0 once the server accepts connections, even if the login is refused.
mariadb_ready()  { "$MARIADB_ADMIN" --protocol=TCP -h "$MARIADB_HOST" -P "$MARIADB_PORT" -uroot --connect-timeout=2 ping; }

setup_mariadb() {
  local server=""
  if [[ -x /usr/sbin/mariadbd ]]; then server=/usr/sbin/mariadbd; fi
  MARIADB_CLIENT=$(command -v mariadb || command -v mysql || true)
  MARIADB_ADMIN=$(command -v mariadb-admin || command -v mysqladmin || true)
  if [[ -z "$server" || -z "$MARIADB_CLIENT" || -z "$MARIADB_ADMIN" ]]; then
    not_installed mariadb "/usr/sbin/mariadbd or the mariadb client not found"; return 0
  fi

  if mariadb_ready >/dev/null 2>&1; then
    say "mariadb: already running"
  else
    say "mariadb: not running, starting $server"
    # /run is a tmpfs: the socket directory may be gone after a reboot.
    if [[ ! -d /run/mysqld ]]; then
      install -d -o mysql -g mysql -m 0755 /run/mysqld
    fi
    detached start-stop-daemon --start --oknodo --background --exec "$server" \
      || die "mariadb: start-stop-daemon failed to start $server"
    wait_until "mariadb on $MARIADB_HOST:$MARIADB_PORT" mariadb_ready
    say "mariadb: started"
  fi

  # root must log in over TCP with an empty password. On Debian root@localhost
  # may use unix_socket auth only; fix that through the socket.
  if mariadb_tcp -e 'select 1' >/dev/null 2>&1; then
    say "mariadb: root can log in over TCP with an empty password"
  else
    mariadb_socket -e 'select 1' >/dev/null 2>&1 \
      || die "mariadb: root can log in neither over TCP with an empty password nor via the socket"
    mariadb_socket -e "
      ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
      CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
      ALTER USER 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
      FLUSH PRIVILEGES;"
    mariadb_tcp -e 'select 1' >/dev/null \
      || die "mariadb: root still cannot log in over TCP with an empty password"
    say "mariadb: enabled empty-password login for root@localhost and root@127.0.0.1"
  fi

  if [[ -n "$(mariadb_tcp -e "show databases like '$MARIADB_DB'")" ]]; then
    say "mariadb: database $MARIADB_DB exists"
  else
    mariadb_tcp -e "create database if not exists \`$MARIADB_DB\`"
    say "mariadb: created database $MARIADB_DB"
  fi

  # XA recovery tests run XA RECOVER as root.
  mariadb_tcp "$MARIADB_DB" -e 'xa recover' >/dev/null || die "mariadb: root cannot run XA RECOVER"
  say "mariadb: ready at mariadb://root@$MARIADB_HOST:$MARIADB_PORT/$MARIADB_DB (XA RECOVER ok)"
}

setup_postgresql
setup_mariadb
