#!/usr/bin/env bash
# Installs what Breakout Workstation needs to build and run on Debian 12, and nothing that is already
# there. Uses apt-get as root, or through sudo.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache git pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-charts-dev libqcustomplot-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libgl1-mesa-dev
    libbenchmark-dev clang-format
    xvfb xauth openssl
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#packages[@]} packages present"
    exit 0
fi

echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
