#!/usr/bin/env bash
# Refreshes the README's screenshots of the web app (docs/screenshots/) from a run of the browser tests
# against a real silo and gateway, in headless Chromium (README, Web app): the supervisor's pages at
# desktop size, and the secretary's home and 支委会 form at phone size (360×740).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/browser-deps.sh
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT
dotnet build tests/BranchLedger.Browser.Tests -c Release -nologo -v quiet
BRANCHLEDGER_TEST_ARTEFACTS="$shots" BRANCHLEDGER_SCREENSHOTS="$shots/pages" dotnet test tests/BranchLedger.Browser.Tests -c Release --no-build -nologo \
    --filter "FullyQualifiedName~A_supervisor_signs_in|FullyQualifiedName~A_secretary_records_a_branch_committee_meeting"
mkdir -p docs/screenshots
for shot in ranking branch compare overview; do
    cp "$shots/$shot.png" "docs/screenshots/dashboard-$shot.png"
done
for page in secretary-home secretary-form; do
    cp "$shots/pages/$page-phone.png" "docs/screenshots/web-$page-phone.png"
done
ls -l docs/screenshots
