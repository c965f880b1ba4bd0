#!/usr/bin/env bash
# Runs the whole BranchLedger platform on this machine: PostgreSQL, one silo, one gateway, the demo city.
#
# Usage: scripts/platform.sh [run|start|stop|status|logs|migrate|services] [--no-demo]
#   run     (default) build, start everything in the foreground; Ctrl-C stops it all cleanly
#   start   the same in the background; logs in .run/logs
#   stop    stop a background platform (and its PostgreSQL)
#   status  show what runs
#   logs    follow the background logs
#   migrate start PostgreSQL if needed and apply the schema migrations, nothing else
#   services  list the gRPC services of the public API (read from protos/), one a line
#   --no-demo  (run, start) do not load the demo city; the same as BRANCHLEDGER_DEMO=0
#
# Data lives in .data/postgres (git-ignored) and survives restarts. run and start load the demo city
# (5 bodies, 60 branches, records up to today) through the API; it records nothing twice.
# Ports (environment): BRANCHLEDGER_GRPC_PORT 5080, BRANCHLEDGER_HTTP_PORT 5081, BRANCHLEDGER_METRICS_PORT 5082,
#   BRANCHLEDGER_SILO_PORT 11111, BRANCHLEDGER_SILO_GATEWAY_PORT 30000, BRANCHLEDGER_PGPORT 55432.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
CONFIGURATION="${BRANCHLEDGER_CONFIGURATION:-Release}"
GRPC_PORT="${BRANCHLEDGER_GRPC_PORT:-5080}"
HTTP_PORT="${BRANCHLEDGER_HTTP_PORT:-5081}"
METRICS_PORT="${BRANCHLEDGER_METRICS_PORT:-5082}"
SILO_PORT="${BRANCHLEDGER_SILO_PORT:-11111}"
SILO_GATEWAY_PORT="${BRANCHLEDGER_SILO_GATEWAY_PORT:-30000}"
LOAD_DEMO="${BRANCHLEDGER_DEMO:-1}"
# Local tokens are signed with a key made on first run, kept with the data (git-ignored), never committed.
export BRANCHLEDGER_LOCAL_KEY_FILE="${BRANCHLEDGER_LOCAL_KEY_FILE:-$ROOT/.data/local-signing-key}"
BIN() { echo "$ROOT/$1/bin/$CONFIGURATION/net10.0/$2.dll"; }

say() { printf 'platform: %s\n' "$*"; }

# Every service of the public API, from the protos themselves, so the list cannot fall behind them.
api_services() { sed -n 's/^service \([A-Za-z0-9_]*\) *{.*/branchledger.v1.\1/p' "$ROOT"/protos/branchledger/v1/*.proto | LC_ALL=C sort; }

wait_for_port() { # port, what, pid
    for _ in $(seq 1 600); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
        kill -0 "$3" 2>/dev/null || { say "$2 exited during start-up; see $LOG_DIR/$2.log"; tail -n 30 "$LOG_DIR/$2.log" >&2; return 1; }
        sleep 0.2
    done
    say "$2 did not open port $1 within 120 s"; return 1
}

stop_pid() { # pidfile
    [[ -f "$1" ]] || return 0
    local pid; pid="$(cat "$1")"
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$1"
}

stop_all() {
    stop_pid "$RUN_DIR/gateway.pid"
    stop_pid "$RUN_DIR/silo.pid"
    "$ROOT/scripts/postgres.sh" stop >/dev/null || true
    say "stopped (data kept in .data/)"
}

build() {
    mkdir -p "$LOG_DIR"
    command -v dotnet >/dev/null || { say "the .NET SDK is required (dotnet on PATH)"; return 1; }
    say "building ($CONFIGURATION)…"
    dotnet build "$ROOT/platform.slnf" -c "$CONFIGURATION" -v quiet -nologo >"$LOG_DIR/build.log" 2>&1 \
        || { tail -n 40 "$LOG_DIR/build.log"; return 1; }
}

# Functions called in a '||' list run without 'set -e': every step checks its own status.
migrate() {
    "$ROOT/scripts/postgres.sh" start || return 1
    ConnectionStrings__BranchLedger="$("$ROOT/scripts/postgres.sh" url)" || return 1
    export ConnectionStrings__BranchLedger
    say "applying migrations…"
    dotnet "$(BIN silo/BranchLedger.Silo BranchLedger.Silo)" migrate
}

start_all() {
    build || return 1
    export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production

    migrate || return 1

    Orleans__SiloPort="$SILO_PORT" Orleans__GatewayPort="$SILO_GATEWAY_PORT" \
        nohup dotnet "$(BIN silo/BranchLedger.Silo BranchLedger.Silo)" >"$LOG_DIR/silo.log" 2>&1 &
    echo $! >"$RUN_DIR/silo.pid"
    wait_for_port "$SILO_GATEWAY_PORT" silo "$(cat "$RUN_DIR/silo.pid")" || return 1

    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$GRPC_PORT" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$HTTP_PORT" \
        Kestrel__Endpoints__Metrics__Url="http://127.0.0.1:$METRICS_PORT" \
        Auth__LocalKeyFile="$BRANCHLEDGER_LOCAL_KEY_FILE" Web__DevSignIn=true nohup dotnet "$(BIN gateway/BranchLedger.Gateway BranchLedger.Gateway)" >"$LOG_DIR/gateway.log" 2>&1 &
    echo $! >"$RUN_DIR/gateway.pid"
    wait_for_port "$GRPC_PORT" gateway "$(cat "$RUN_DIR/gateway.pid")" || return 1

    if [[ "$LOAD_DEMO" == 0 ]]; then
        say "demo city not loaded (--no-demo or BRANCHLEDGER_DEMO=0)"
    else
        # Idempotent: the first start records the city, later starts find every row already present.
        say "loading the demo city…"
        dotnet "$(BIN cli/BranchLedger.Cli branchledger)" --gateway "http://127.0.0.1:$GRPC_PORT" demo-city || return 1
    fi

    cat <<INFO

BranchLedger is running.
  web app                   http://127.0.0.1:$HTTP_PORT/app/   (development sign-in: a name and a role, e.g. 支部书记 of
                            demo-womens-fed, branch office-branch; 单位党务管理员; 市级督导)
  gRPC (HTTP/2, plaintext)  http://127.0.0.1:$GRPC_PORT   (server reflection lists every method)
$(api_services | sed 's/^/                              /')
  HTTP/1.1                  http://127.0.0.1:$HTTP_PORT   JSON (/v1/…, /openapi/v1.json)
  metrics (Prometheus)      http://127.0.0.1:$METRICS_PORT/metrics
  PostgreSQL                $ConnectionStrings__BranchLedger
  Orleans silo              127.0.0.1:$SILO_PORT (silo), 127.0.0.1:$SILO_GATEWAY_PORT (client gateway)
  logs                      .run/logs/
  credentials               local tokens signed with .data/local-signing-key; mint one with
                            dotnet $(BIN cli/BranchLedger.Cli branchledger | sed "s#$ROOT/##") token supervisor@*
  try                       dotnet $(BIN cli/BranchLedger.Cli branchledger | sed "s#$ROOT/##") rankings top
                            dotnet $(BIN cli/BranchLedger.Cli branchledger | sed "s#$ROOT/##") records list office-branch
INFO
}

cmd=""
for arg in "$@"; do
    case "$arg" in
        --no-demo) LOAD_DEMO=0 ;;
        *) if [[ -z "$cmd" ]]; then cmd="$arg"; else cmd="?"; fi ;;
    esac
done
cmd="${cmd:-run}"
case "$cmd" in
    run)
        trap 'echo; say "stopping…"; stop_all; exit 0' INT TERM
        start_all || { stop_all; exit 1; }
        say "press Ctrl-C to stop"
        while kill -0 "$(cat "$RUN_DIR/silo.pid")" 2>/dev/null && kill -0 "$(cat "$RUN_DIR/gateway.pid")" 2>/dev/null; do
            sleep 1
        done
        say "a process exited unexpectedly; see .run/logs"; stop_all; exit 1
        ;;
    start) start_all || { stop_all; exit 1; } ;;
    stop) stop_all ;;
    status)
        for p in silo gateway; do
            if [[ -f "$RUN_DIR/$p.pid" ]] && kill -0 "$(cat "$RUN_DIR/$p.pid")" 2>/dev/null; then say "$p running (pid $(cat "$RUN_DIR/$p.pid"))"; else say "$p stopped"; fi
        done
        "$ROOT/scripts/postgres.sh" status || true
        ;;
    logs) tail -F "$LOG_DIR"/*.log ;;
    migrate) build && migrate ;;
    services) api_services ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
esac
