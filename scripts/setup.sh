#!/usr/bin/env bash
# Installs every Debian 12 package Centric needs (idempotent, non-interactive) and builds it.
# Usage: scripts/setup.sh [release|debug]   (default release; build in build/<preset>)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-release}

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libsqlite3-dev libpq-dev libsodium-dev libexpected-dev libcli11-dev libfmt-dev
  libabsl-dev
  libeigen3-dev liblbfgspp-dev libgtest-dev libgmock-dev libbenchmark-dev
  sqlite3 postgresql wrk
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "centric setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
echo "centric setup: built build/$preset/src/cli/centric"
