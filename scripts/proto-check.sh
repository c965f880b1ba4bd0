#!/usr/bin/env bash
# Checks the API protos (protos/, configured by buf.yaml):
#   1. buf lint (STANDARD rules; the vendored protos/google files are skipped);
#   2. buf breaking against protos/baseline.binpb, the image of the released protos: a change that would
#      break existing clients (a field renumbered, renamed or removed, a type changed, an RPC removed, …) fails;
#   3. the protos load on their own with plain @grpc/proto-loader (tests/proto-loader/load.mjs), with
#      protos/ as the only include directory.
# Exits non-zero on any error.
#
#   scripts/proto-check.sh                     run the checks
#   scripts/proto-check.sh --install           only install the tools (used by the tests)
#   scripts/proto-check.sh --refresh-baseline  rewrite protos/baseline.binpb from the current protos, for a
#                                              deliberate breaking release only (see README, API)
#
# Needs Node.js with npm (installed with apt-get when missing); buf and proto-loader are installed from
# tools/buf/package-lock.json and tests/proto-loader/package-lock.json on first use.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUF="$ROOT/tools/buf/node_modules/.bin/buf"
BASELINE=protos/baseline.binpb
say() { printf 'proto-check: %s\n' "$*"; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js (Debian packages)…"
    { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null || { say "Node.js and npm are required"; exit 1; }
fi

# Installed once per lockfile: the copy of the lockfile in node_modules tells which one.
install() {
    local dir="$ROOT/$1"
    if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.proto-check-lock.json"; then
        say "installing $1 (npm ci)…"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
        cp "$dir/package-lock.json" "$dir/node_modules/.proto-check-lock.json"
    fi
}
install tools/buf
install tests/proto-loader

case "${1:-}" in
    --install) exit 0 ;;
    --refresh-baseline)
        "$BUF" build --exclude-source-info -o "$BASELINE"
        say "wrote $BASELINE from the current protos ($("$BUF" --version)); commit it with the breaking change"
        exit 0 ;;
    "") ;;
    *) say "unknown argument: $1"; exit 2 ;;
esac

status=0
if "$BUF" lint; then say "buf lint: ok"; else say "buf lint: FAILED (see above)"; status=1; fi
if "$BUF" breaking --against "$BASELINE"; then
    say "buf breaking against $BASELINE: ok"
else
    say "buf breaking against $BASELINE: FAILED (see above): existing clients would break"; status=1
fi
node tests/proto-loader/load.mjs protos || status=1

if [[ $status -ne 0 ]]; then say "FAILED"; exit 1; fi
say "protos ok (buf $("$BUF" --version))"
