#!/usr/bin/env bash
# Installs what Octadesk needs, builds it, and opens a freshly generated demo
# project. Until the application window lands, "opening" means showing the
# demo with the command-line tool.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
if [ -d _build ]; then
  meson setup --reconfigure _build >/dev/null
else
  meson setup _build
fi
meson compile -C _build

demo="${XDG_CACHE_HOME:-$HOME/.cache}/octadesk/DEMO"
rm -rf "$demo"
mkdir -p "$(dirname "$demo")"
./_build/src/cli/octadesk-cli new --demo "$demo"
./_build/src/cli/octadesk-cli info "$demo"
