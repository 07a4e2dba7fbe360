#!/usr/bin/env bash
# Installs every Debian 12 package Centric needs (idempotent, non-interactive) and builds it:
# the C++ preset, and with the release preset the web app (web/dist).
# Usage: scripts/setup.sh [release|debug]   (default release; build in build/<preset>)
set -euo pipefail
cd "$(dirname "$0")/.."

preset=${1:-release}

packages=(
  build-essential cmake ninja-build pkg-config
  libboost1.81-dev libsqlite3-dev libpq-dev libsodium-dev libexpected-dev libcli11-dev libfmt-dev
  libabsl-dev libcurl4-openssl-dev libssl-dev libxlsxwriter-dev
  libeigen3-dev liblbfgspp-dev libgtest-dev libgmock-dev libbenchmark-dev
  sqlite3 postgresql wrk unzip
)

scripts/install-packages.sh "${packages[@]}"

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
echo "centric setup: built build/$preset/src/cli/centric"
# The web app is the same for every preset; the release set-up builds it.
if [ "$preset" = release ]; then scripts/web-build.sh; fi
