#!/usr/bin/env bash
# What the benchmarks need on the machine beyond .NET and PostgreSQL: h2load (Debian's
# `nghttp2-client`), the HTTP/2 load generator of the read benchmark (`Bench.City -- --reads`).
# Installs it with apt-get when run as root on a Debian-like machine; does nothing when it is there.
# Prints the path of h2load. Exit status: 0 when h2load is available afterwards, 1 when it is not.
set -uo pipefail

note() { echo "bench-deps: $*" >&2; }

if ! command -v h2load >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        note "installing nghttp2-client (apt-get)"
        { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nghttp2-client; } >&2 ||
            note "apt-get could not install nghttp2-client"
    else
        note "h2load is missing; install it (Debian: apt-get install -y nghttp2-client)"
    fi
fi

command -v h2load || { note "no h2load"; exit 1; }
