#!/usr/bin/env bash
# Refreshes the README's dashboard screenshots (docs/screenshots/) from a run of the browser tests:
# the supervisor's flow against a real silo and gateway, in headless Chromium (README, Dashboard).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/browser-deps.sh
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
dotnet build tests/BranchLedger.Browser.Tests -c Release -nologo -v quiet
BRANCHLEDGER_TEST_ARTEFACTS="$shots" dotnet test tests/BranchLedger.Browser.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~A_supervisor_signs_in"
mkdir -p docs/screenshots
for shot in ranking branch compare overview; do
    cp "$shots/$shot.png" "docs/screenshots/dashboard-$shot.png"
done
ls -l docs/screenshots
