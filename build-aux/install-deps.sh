#!/usr/bin/env bash
# Installs the Debian 12 packages Octadesk needs to build, run and test.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libzip-dev libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev libsndfile1-dev
  gobject-introspection libgirepository1.0-dev python3-gi
  desktop-file-utils appstream libxml2-utils
  xvfb xauth dbus-daemon dbus-x11 fonts-cantarell fonts-dejavu-core adwaita-icon-theme
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
