#!/usr/bin/env bash
# Validates the Kubernetes manifests offline (no cluster): builds every overlay in k8s/overlays with
# kustomize and checks each object with k8s/validate (Kubernetes schemas, unknown fields, references
# between objects). First it proves the checks bite: every object of k8s/validate/selftest/broken.yaml
# must be rejected. Prints one line per object and a summary; exits non-zero on any error.
#
# Needs kustomize, or kubectl (which embeds it), and Node.js with npm; the validator's packages are
# installed from k8s/validate/package-lock.json on first use.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VALIDATE="$ROOT/k8s/validate"
say() { printf 'validate-k8s: %s\n' "$*"; }

if command -v kustomize >/dev/null 2>&1; then
    build() { kustomize build "$1"; }
elif command -v kubectl >/dev/null 2>&1; then
    build() { kubectl kustomize "$1"; }
else
    say "kustomize or kubectl (1.21 or newer) is required"; exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "installing Node.js (Debian packages)…"
    { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null || { say "Node.js and npm are required"; exit 1; }
fi

# Installed once per lockfile: the copy of the lockfile in node_modules tells which one.
if ! cmp -s "$VALIDATE/package-lock.json" "$VALIDATE/node_modules/.validate-lock.json"; then
    say "installing the validator (npm ci)…"
    (cd "$VALIDATE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$VALIDATE/package-lock.json" "$VALIDATE/node_modules/.validate-lock.json"
fi

node "$VALIDATE/validate.mjs" self-test "$VALIDATE/selftest/broken.yaml" --expect-failures

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
status=0 total=0 overlays=0
for overlay in "$ROOT"/k8s/overlays/*/; do
    name="$(basename "$overlay")"
    overlays=$((overlays + 1))
    if ! build "$overlay" >"$OUT/$name.yaml" 2>"$OUT/$name.err"; then
        say "kustomize could not build $name:"; cat "$OUT/$name.err"; status=1; continue
    fi
    node "$VALIDATE/validate.mjs" "$name" "$OUT/$name.yaml" || status=1
    total=$((total + $(grep -c '^kind:' "$OUT/$name.yaml" || true)))
done

if [[ $overlays -eq 0 ]]; then say "no overlays in k8s/overlays"; exit 1; fi
if [[ $status -ne 0 ]]; then say "FAILED (see above)"; exit 1; fi
say "$total objects in $overlays overlays valid"
