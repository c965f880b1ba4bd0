#!/usr/bin/env bash
# Manages a local PostgreSQL (15+) server for BranchLedger development and tests.
#
# Usage: scripts/postgres.sh start|stop|destroy|status|url|bindir|psql [psql args...]
#
#   start   Initialise the data folder on first use, start the server if it is not running,
#           wait until it accepts connections, then make sure the database exists. Idempotent.
#   stop    Fast shutdown (rolls back open transactions, keeps committed data). Idempotent.
#   destroy Stop a throwaway server (see BRANCHLEDGER_PGOWNER) and delete its folders. Idempotent.
#   status  Print whether the server runs; exit code 0 = running, 3 = not running.
#   url     Print the Npgsql connection string of the database.
#   bindir  Print the folder of the server binaries in use (pgbench lives there too).
#   psql    Open psql on the database; extra arguments are passed to psql.
#
# Settings (environment variables):
#   BRANCHLEDGER_PGDATA       data folder (default: <repo root>/.data/postgres, git-ignored)
#   BRANCHLEDGER_PGPORT       TCP port on 127.0.0.1 (default: 55432)
#   BRANCHLEDGER_PGDATABASE   database name (default: branchledger)
#   BRANCHLEDGER_PGOPTIONS    extra server options, e.g. "-c log_min_duration_statement=100"
#   BRANCHLEDGER_PGOWNER      a process id: makes a new cluster a throwaway one (tests), destroyed when
#                             that process exits (a detached watcher) or by 'destroy'. Needs BRANCHLEDGER_PGDATA.
#
# The server listens on 127.0.0.1 only and trusts every local connection: it is a development
# and test server, never a production one.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"

PORT="${BRANCHLEDGER_PGPORT:-55432}"
DBNAME="${BRANCHLEDGER_PGDATABASE:-branchledger}"
WANTED_DATA="$(realpath -m "${BRANCHLEDGER_PGDATA:-$REPO_ROOT/.data/postgres}")"
EXTRA_OPTIONS="${BRANCHLEDGER_PGOPTIONS:-}"
OWNER="${BRANCHLEDGER_PGOWNER:-}"
# Next to the wanted folder of a throwaway cluster: its owner's process id. 'destroy' needs it, so a
# development cluster can never be deleted by mistake.
OWNER_FILE="$WANTED_DATA.owner"
# Written into the wanted folder when the cluster had to live elsewhere (see choose_data_dir).
POINTER_NAME=".branchledger-pgdata-location"
MIN_MAJOR=15 # the schema uses UNIQUE ... NULLS NOT DISTINCT (PostgreSQL 15+)

note() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { note "error: $*"; exit 1; }

usage() {
    sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

[[ "$PORT" =~ ^[0-9]+$ ]] && ((PORT > 0 && PORT < 65536)) || die "BRANCHLEDGER_PGPORT must be a TCP port number, got '$PORT'"
[[ -z "$OWNER" || "$OWNER" =~ ^[0-9]+$ ]] || die "BRANCHLEDGER_PGOWNER must be a process id, got '$OWNER'"
[[ -z "$OWNER" || -n "${BRANCHLEDGER_PGDATA:-}" ]] || die "BRANCHLEDGER_PGOWNER needs its own BRANCHLEDGER_PGDATA"
# The name goes into a connection string unquoted: keep it to a plain identifier.
[[ "$DBNAME" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]] || die "BRANCHLEDGER_PGDATABASE must match [A-Za-z_][A-Za-z0-9_]*, got '$DBNAME'"

short_hash() { printf '%s' "$1" | sha256sum | cut -c1-"${2:-12}"; }

# PostgreSQL refuses to run as root: as root, run server tools as the 'postgres' OS user.
IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1
as_pg() {
    if ((IS_ROOT)); then
        # cd / so the postgres user never tries to use root's (possibly private) working folder.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}
pg_owner() { if ((IS_ROOT)); then echo postgres; else id -un; fi; }

# ---------------------------------------------------------------------------------------------
# Binaries

BINDIR=""
major_of_bindir() { "$1/postgres" --version 2>/dev/null | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/'; }
usable_bindir() {
    local d="$1" major
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" && -x "$d/psql" ]] || return 1
    major="$(major_of_bindir "$d")"
    [[ "$major" =~ ^[0-9]+$ ]] && ((major >= MIN_MAJOR))
}
find_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        if [[ -n "$d" ]] && usable_bindir "$d"; then BINDIR="$d"; return 0; fi
    fi
    # Prefer 15 (what the platform is tested on), then the newest other version.
    for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if usable_bindir "$d"; then BINDIR="$d"; return 0; fi
    done
    return 1
}
ensure_bindir() {
    find_bindir && return 0
    ((IS_ROOT)) && command -v apt-get >/dev/null 2>&1 ||
        die "no PostgreSQL >= $MIN_MAJOR server binaries found; install them (Debian: apt-get install -y postgresql)"
    note "no PostgreSQL server binaries found; installing the Debian 'postgresql' package"
    # The package may create and start its own cluster on port 5432: harmless, we never use it.
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    find_bindir || die "PostgreSQL was installed but no server binaries >= $MIN_MAJOR were found"
}
ensure_os_user() {
    ((IS_ROOT)) || return 0
    id postgres >/dev/null 2>&1 || die "running as root needs an OS user 'postgres' to run the server (it comes with the Debian package)"
}

# ---------------------------------------------------------------------------------------------
# Where the cluster lives

fallback_dir() { echo "/tmp/branchledger-pg-$(short_hash "$WANTED_DATA")"; }

# Sets DATA to the folder of an initialised cluster, or to "" when there is none yet.
DATA=""
resolve_data() {
    local target
    DATA=""
    if [[ -f "$WANTED_DATA/PG_VERSION" ]]; then
        DATA="$WANTED_DATA"
    elif [[ -f "$WANTED_DATA/$POINTER_NAME" ]]; then
        target="$(head -n1 "$WANTED_DATA/$POINTER_NAME")"
        [[ -f "$target/PG_VERSION" ]] && DATA="$target"
    fi
    return 0
}

# Can the server's OS user reach (search) every parent of $1 and write in $1?
pg_can_use_dir() { as_pg test -x "$1" -a -w "$1" 2>/dev/null; }

make_pg_dir() {
    mkdir -p "$1"
    if ((IS_ROOT)); then chown postgres:postgres "$1" 2>/dev/null || return 1; fi
    chmod 700 "$1" 2>/dev/null || return 1
}

# Picks (and creates) the folder for a new cluster; sets DATA.
choose_data_dir() {
    local target=""
    if [[ -f "$WANTED_DATA/$POINTER_NAME" ]]; then
        # Remembered from an earlier fallback whose cluster has gone (e.g. /tmp was cleaned).
        target="$(head -n1 "$WANTED_DATA/$POINTER_NAME")"
    else
        mkdir -p "$WANTED_DATA"
        # Check the parents first so an unusable folder is not handed over to the server's user.
        if as_pg test -x "$(dirname "$WANTED_DATA")" 2>/dev/null &&
            make_pg_dir "$WANTED_DATA" && pg_can_use_dir "$WANTED_DATA"; then
            DATA="$WANTED_DATA"
            return 0
        fi
        # The server's OS user cannot traverse a parent folder (e.g. a checkout under a private
        # home). Keep the cluster under /tmp and leave a pointer so stop/status find it.
        target="$(fallback_dir)"
        note "the '$(pg_owner)' user cannot reach $WANTED_DATA; using $target instead (recorded in $WANTED_DATA/$POINTER_NAME)"
        printf '%s\n' "$target" >"$WANTED_DATA/$POINTER_NAME"
    fi
    # The fallback folder is named after the wanted path, so an earlier checkout at the same path
    # (a reused CI folder) may have left it: adopt a whole cluster, clear anything else of ours.
    if [[ -f "$target/PG_VERSION" ]]; then
        note "adopting the existing cluster in $target"
        DATA="$target"
        return 0
    fi
    if [[ -d "$target" && -n "$(ls -A "$target" 2>/dev/null)" ]]; then
        note "clearing the incomplete folder $target"
        rm -rf "$target"
    fi
    make_pg_dir "$target" || die "cannot prepare $target for the '$(pg_owner)' user"
    pg_can_use_dir "$target" || die "the '$(pg_owner)' user cannot use $target"
    DATA="$target"
}

# The log sits next to the data folder (not inside it, so a failed initdb leaves it readable).
log_file() { echo "$(dirname "$DATA")/$(basename "$DATA").log"; }

# Short socket folder: Unix socket paths are limited to ~107 bytes and a checkout path can be
# long. Clients connect over TCP; the socket only serves local admin tools.
socket_dir() { echo "/tmp/blpg-$(short_hash "$DATA" 10)"; }

print_log_tail() {
    local log
    log="$(log_file)"
    if [[ -f "$log" ]]; then
        note "last lines of $log:"
        tail -n 40 "$log" >&2 || true
    fi
}

# ---------------------------------------------------------------------------------------------
# Server state

is_running() { [[ -n "$DATA" ]] && as_pg "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# The port recorded by the running server (line 4 of postmaster.pid).
running_port() { sed -n '4p' "$DATA/postmaster.pid" 2>/dev/null | tr -d '[:space:]'; }

effective_port() {
    local p=""
    if [[ -n "$DATA" ]] && is_running; then p="$(running_port)"; fi
    echo "${p:-$PORT}"
}

psql_admin() {
    "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres "${@:2}"
}

ensure_database() {
    local port="$1" exists
    exists="$(psql_admin "$port" -tA -v db="$DBNAME" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")"
    if [[ "$exists" != "1" ]]; then
        # Another 'start' may create it at the same moment: re-check before failing.
        if ! psql_admin "$port" -v db="$DBNAME" <<<'CREATE DATABASE :"db";' 2>/dev/null; then
            exists="$(psql_admin "$port" -tA -v db="$DBNAME" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")"
            [[ "$exists" == "1" ]] || die "could not create database '$DBNAME'"
        else
            note "created database '$DBNAME'"
        fi
    fi
}

# Serialise start/stop for one data folder (two test processes may start at once).
take_lock() {
    local lock="/tmp/branchledger-pg-$(short_hash "$WANTED_DATA").lock"
    exec 9>>"$lock"
    flock -w 180 9 || die "timed out waiting for $lock"
}

# ---------------------------------------------------------------------------------------------
# Throwaway clusters (BRANCHLEDGER_PGOWNER)

# Records the owner and starts a detached watcher that destroys the cluster once the owner has
# exited: a killed or crashed owner runs no cleanup of its own. setsid: its own session, so neither
# Ctrl-C nor a kill of the owner's process group reaches it. No inherited descriptors: a caller
# reading our output must not wait for the watcher, and the lock (fd 9) must not stay held.
claim_for_owner() {
    if [[ -f "$OWNER_FILE" ]]; then
        [[ "$(cat "$OWNER_FILE")" == "$OWNER" ]] && return 0
        die "$WANTED_DATA belongs to process $(cat "$OWNER_FILE"), not $OWNER"
    fi
    [[ -e "$WANTED_DATA" ]] && die "$WANTED_DATA exists already; a throwaway cluster needs a new folder"
    mkdir -p "$(dirname "$WANTED_DATA")"
    printf '%s\n' "$OWNER" >"$OWNER_FILE"
    (
        cd /
        setsid -f bash -c 'while [[ -n "$(sed -E "s/.*\) (.).*/\1/;/^Z$/d" "/proc/$1/stat" 2>/dev/null)" ]]; do sleep 0.5; done
            exec bash "$2" destroy' branchledger-pg-watcher "$OWNER" "$SCRIPT_DIR/postgres.sh" </dev/null >/dev/null 2>&1 9>&-
    )
}

cmd_destroy() {
    [[ -n "${BRANCHLEDGER_PGDATA:-}" ]] || die "destroy needs BRANCHLEDGER_PGDATA (a throwaway cluster)"
    if [[ ! -f "$OWNER_FILE" ]]; then
        [[ -e "$WANTED_DATA" ]] && die "$WANTED_DATA is no throwaway cluster (no $OWNER_FILE): not deleting it"
        note "no throwaway cluster at $WANTED_DATA: nothing to destroy"
        return 0
    fi
    take_lock
    local target="$WANTED_DATA" pid
    if [[ -f "$WANTED_DATA/$POINTER_NAME" ]]; then
        target="$(head -n1 "$WANTED_DATA/$POINTER_NAME")"
        # Only ever the fallback folder that choose_data_dir derives from this wanted folder.
        [[ "$target" == "$(fallback_dir)" ]] || die "unexpected location '$target' in $WANTED_DATA/$POINTER_NAME"
    fi
    if [[ -f "$target/postmaster.pid" ]]; then
        pid="$(head -n1 "$target/postmaster.pid")"
        # Whether that process id still is this cluster's server (not a reused id).
        ours() { [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-D $target "; }
        # Immediate shutdown: the data is deleted next, nothing needs to be flushed.
        if ! { find_bindir && as_pg "$BINDIR/pg_ctl" -D "$target" -m immediate -w -t 30 stop >/dev/null 2>&1; }; then
            ours && kill -KILL "$pid" 2>/dev/null
        fi
        # pg_ctl returns once the pid file is gone, a moment before the process itself.
        for _ in $(seq 50); do ours || break; sleep 0.1; done
    fi
    rm -rf "$target" "$target.log" "$target.initdb.log" "/tmp/blpg-$(short_hash "$target" 10)" \
        "$WANTED_DATA" "$WANTED_DATA.log" "$WANTED_DATA.initdb.log"
    rm -f "$OWNER_FILE" "/tmp/branchledger-pg-$(short_hash "$WANTED_DATA").lock"
    note "destroyed (data: $target)"
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_start() {
    ensure_bindir
    ensure_os_user
    take_lock
    [[ -z "$OWNER" ]] || claim_for_owner
    resolve_data

    if [[ -z "$DATA" ]]; then
        choose_data_dir
    fi

    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        local log sync=()
        log="$(log_file)"
        # A throwaway cluster need not survive a power cut: skipping the fsyncs saves seconds.
        [[ -z "$OWNER" ]] || sync=(--no-sync)
        note "initialising a new cluster in $DATA"
        if ! as_pg "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 "${sync[@]}" >"$DATA.initdb.log" 2>&1; then
            cat "$DATA.initdb.log" >&2 || true
            die "initdb failed"
        fi
        rm -f "$DATA.initdb.log"
    fi

    local major
    major="$(cat "$DATA/PG_VERSION")"
    [[ "$major" == "$(major_of_bindir "$BINDIR")" ]] ||
        die "$DATA holds a PostgreSQL $major cluster but the binaries in $BINDIR are $(major_of_bindir "$BINDIR")"

    local port="$PORT"
    if is_running; then
        port="$(running_port)"
        if [[ "$port" != "$PORT" ]]; then
            note "already running on port $port (requested $PORT); keeping it — 'stop' first to change the port"
        fi
    else
        local log sock opts
        log="$(log_file)"
        sock="$(socket_dir)"
        [[ -e "$log" ]] || : >"$log"
        ((IS_ROOT)) && chown postgres:postgres "$log"
        mkdir -p "$sock"
        ((IS_ROOT)) && chown postgres:postgres "$sock"
        chmod 700 "$sock"
        [[ "$(stat -c %U "$sock")" == "$(pg_owner)" ]] || die "$sock is not owned by $(pg_owner)"

        # Durability stays on (fsync=on) by default; tests may pass e.g. "-c fsync=off" through
        # BRANCHLEDGER_PGOPTIONS. Orleans keeps a pool per provider and silo, hence the connections.
        opts="-p $PORT -k $sock -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=on $EXTRA_OPTIONS"
        if ! as_pg "$BINDIR/pg_ctl" -D "$DATA" -l "$log" -o "$opts" -w -t 60 start >/dev/null 9>&-; then
            print_log_tail
            die "the server did not start (data: $DATA)"
        fi
        note "started PostgreSQL $major on 127.0.0.1:$PORT (data: $DATA, log: $log)"
    fi

    if ! "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 30; then
        print_log_tail
        die "the server on port $port does not accept connections"
    fi
    ensure_database "$port"
}

cmd_stop() {
    find_bindir || { note "no PostgreSQL binaries: nothing to stop"; return 0; }
    take_lock
    resolve_data
    if [[ -z "$DATA" ]]; then
        note "no cluster at $WANTED_DATA: nothing to stop"
        return 0
    fi
    if ! is_running; then
        note "not running (data: $DATA)"
        return 0
    fi
    if ! as_pg "$BINDIR/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null; then
        print_log_tail
        die "the server did not stop (data: $DATA)"
    fi
    note "stopped (data: $DATA)"
}

cmd_status() {
    if ! find_bindir; then
        echo "not installed"
        return 3
    fi
    resolve_data
    if [[ -z "$DATA" ]]; then
        echo "not initialised (data: $WANTED_DATA)"
        return 3
    fi
    if is_running; then
        echo "running on 127.0.0.1:$(running_port) (pid $(head -n1 "$DATA/postmaster.pid"), data: $DATA, log: $(log_file))"
        return 0
    fi
    echo "stopped (data: $DATA, log: $(log_file))"
    return 3
}

cmd_url() {
    local port="$PORT"
    if find_bindir; then
        resolve_data
        port="$(effective_port)"
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$DBNAME"
}

cmd_bindir() {
    ensure_bindir
    echo "$BINDIR"
}

cmd_psql() {
    ensure_bindir
    resolve_data
    exec "$BINDIR/psql" -h 127.0.0.1 -p "$(effective_port)" -U postgres -d "$DBNAME" "$@"
}

[[ $# -ge 1 ]] || usage
command="$1"
shift
case "$command" in
start) cmd_start ;;
stop) cmd_stop ;;
destroy) cmd_destroy ;;
status) cmd_status ;;
url) cmd_url ;;
bindir) cmd_bindir ;;
psql) cmd_psql "$@" ;;
-h | --help | help) usage ;;
*) usage ;;
esac
