#!/usr/bin/env bash
# Builds and runs every test project (unit, grain, gateway, process and cluster tests).
# The tests start their own PostgreSQL (scripts/postgres.sh) and Orleans silos on loopback.
# Prints the totals of all runs as the last line: "N passed, N failed[, N skipped]".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/.run/test-results"
rm -rf "$OUT" && mkdir -p "$OUT"

echo "== build"
if ! dotnet build BranchLedger.slnx -c Release -nologo -v quiet >"$OUT/build.log" 2>&1; then
    grep -E ": error " "$OUT/build.log" | sort -u | head -n 40
    echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

status=0
for project in tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    echo "== $name"
    dotnet test "$project" -c Release --no-build -nologo \
        --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$OUT" \
        "$@" 2>&1 | tee "$OUT/$name.log" | grep -E "^\s+(Passed|Failed|Skipped) |^(Passed|Failed)!|error|Error Message|^\s+at .*Tests" || true
    [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done

# Totals from the runners' own summary lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, …").
read -r passed failed skipped < <(cat "$OUT"/*.log | awk '
    /^(Passed|Failed)! +- / {
        for (i = 1; i <= NF; i++) {
            v = $(i+1); gsub(/,/, "", v)
            if ($i == "Failed:") f += v; if ($i == "Passed:") p += v; if ($i == "Skipped:") s += v
        }
    }
    END { printf "%d %d %d\n", p, f, s }')
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi # a run that crashed before its summary
line="$passed passed, $failed failed"
[[ $skipped -gt 0 ]] && line="$line, $skipped skipped"
echo "$line"
exit $status
