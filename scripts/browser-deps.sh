#!/usr/bin/env bash
# What the browser tests need on the machine: Debian's `chromium` and CJK fonts (`fonts-noto-cjk`,
# so screenshots show Chinese instead of boxes). Installs what is missing with apt-get when run as
# root on a Debian-like machine; does nothing when both are there.
# Exit status: 0 when Chromium is available afterwards, 1 when it is not. Missing fonts only warn.
set -uo pipefail

note() { echo "browser-deps: $*" >&2; }
has_chromium() { [[ -n ${BRANCHLEDGER_CHROMIUM:-} && -x ${BRANCHLEDGER_CHROMIUM} ]] || command -v chromium >/dev/null 2>&1; }
has_fonts() { dpkg -s fonts-noto-cjk >/dev/null 2>&1 || { command -v fc-list >/dev/null 2>&1 && [[ -n $(fc-list :lang=zh family 2>/dev/null) ]]; }; }

missing=()
has_chromium || missing+=(chromium)
has_fonts || missing+=(fonts-noto-cjk)
((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    note "installing ${missing[*]} (apt-get)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >&2 ||
        note "apt-get could not install ${missing[*]}"
else
    note "missing ${missing[*]}; install them (Debian: apt-get install -y chromium fonts-noto-cjk) or set BRANCHLEDGER_CHROMIUM"
fi

has_fonts || note "no CJK fonts: screenshots will show boxes instead of Chinese"
has_chromium || { note "no Chromium"; exit 1; }
