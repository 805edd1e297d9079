#!/usr/bin/env bash
# Installs what Octadesk needs, builds it, and starts the application on a
# freshly generated demo project.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
if [ -d _build ]; then
  meson setup --reconfigure _build >/dev/null
else
  meson setup _build
fi
meson compile -C _build

# Run from the build tree: the settings schema is compiled into _build/data.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No screen to open a window on: show the demo with the command-line tool.
  echo "No display found; describing the demo project instead of opening it." >&2
  demo="$(mktemp -d)/DEMO"
  ./_build/src/cli/octadesk-cli new --demo "$demo"
  ./_build/src/cli/octadesk-cli info "$demo"
  exit 0
fi

exec ./_build/src/ui/octadesk --demo
