#!/usr/bin/env bash
# Builds Octadesk and runs every test suite. Real-device files are used when
# ../shared/corpus (or $OCTA_CORPUS_DIR) exists; the UI tests run under Xvfb
# and a private session bus when those are installed.
#
#   build-aux/test.sh [BUILD_DIR] [extra meson setup options…]
set -uo pipefail
cd "$(dirname "$0")/.."

builddir="${1:-_build}"
shift || true

corpus="${OCTA_CORPUS_DIR:-}"
if [ -z "$corpus" ] && [ -d ../shared/corpus ]; then
  corpus="$(cd ../shared/corpus && pwd)"
fi

setup_args=("$@")
if [ -n "$corpus" ]; then
  setup_args+=("-Dcorpus=$corpus")
fi

if [ -d "$builddir" ]; then
  meson setup --reconfigure "$builddir" "${setup_args[@]}" >/dev/null || exit 2
else
  meson setup "$builddir" "${setup_args[@]}" || exit 2
fi
meson compile -C "$builddir" || exit 2

# Sanitizer builds run several times slower: CI stretches the timeouts.
run=(meson test -C "$builddir" --print-errorlogs --num-processes 2
     --timeout-multiplier "${OCTA_TEST_TIMEOUT_MULTIPLIER:-1}")
if command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
  export OCTA_HAVE_DISPLAY=1
  dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1200x24 -noreset" "${run[@]}"
else
  "${run[@]}"
fi
