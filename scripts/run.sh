#!/usr/bin/env bash
# Installs what is missing, builds a release and runs the workstation on the simulated market.
# With a display it opens the desktop window; without one it runs headless with a status line.
# Extra arguments go to the program, e.g. scripts/run.sh --symbols 2000.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"

exe=build/release/app/breakout-workstation
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$exe" "$@"
else
    echo "run: no display found, starting headless (Ctrl-C stops)"
    exec "$exe" --headless "$@"
fi
