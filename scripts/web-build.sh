#!/usr/bin/env bash
# Builds the web app (web/ -> web/dist) with the versions package-lock.json pins. Needs Node.js
# 20.19 or newer (Vite 7); Debian 12's own nodejs package is 18, so an older Node is an error
# that says so rather than a broken build.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  ../scripts/install-packages.sh nodejs npm
fi
version=$(node -p 'process.versions.node')
IFS=. read -r major minor _ <<<"$version"
if (( major < 20 || (major == 20 && minor < 19) )); then
  echo "centric setup: the web app needs Node.js 20.19 or newer; this machine has $version" >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build --silent
echo "centric setup: built web/dist"
