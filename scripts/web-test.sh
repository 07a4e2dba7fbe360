#!/usr/bin/env bash
# The web app's tests: unit tests (Vitest: catalogues, plurals, formatting, API client), then
# end to end in Debian's Chromium (headless, driven by playwright-core) against a real
# `centric serve` on loopback with a small demo shop, an admin and an agent, and on an empty
# store (every page must show its empty state).
# Screenshots land in web/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh chromium
centric=$PWD/build/release/src/cli/centric

(cd web && npm test --silent)

work=$(mktemp -d)
server=
stop_server() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  server=
}
trap 'stop_server; rm -rf "$work"' EXIT

# Starts `centric serve` on a free loopback port for store $1; sets $url.
start_server() {
  "$centric" serve --db "$1" --port 0 --web web/dist >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
  url=$(sed -n 's/^centric: listening on //p' "$work/serve.log")
  [ -n "$url" ] || { cat "$work/serve.log"; exit 1; }
  echo "centric web tests: server at $url on $(basename "$1")"
}
db=$work/e2e.db
"$centric" demo --db "$db" --customers 2000 --seed 7 >/dev/null
"$centric" analyze --db "$db" >/dev/null
admin_password=$("$centric" user add --db "$db" --email admin@e2e.example --name "Ada Admin" \
  --role admin --generate-password 2>/dev/null)
agent_password=$("$centric" user add --db "$db" --email agent@e2e.example --name "Ali Agent" \
  --role agent --generate-password 2>/dev/null)
start_server "$db"
(cd web && CENTRIC_E2E_URL=$url CENTRIC_E2E_EMAIL=admin@e2e.example \
  CENTRIC_E2E_PASSWORD=$admin_password CENTRIC_E2E_AGENT_EMAIL=agent@e2e.example \
  CENTRIC_E2E_AGENT_PASSWORD=$agent_password npm run e2e --silent)
stop_server

# A new installation: one admin, no data, no analysis.
empty=$work/empty.db
"$centric" init --db "$empty" >/dev/null
admin_password=$("$centric" user add --db "$empty" --email admin@e2e.example --role admin \
  --generate-password 2>/dev/null)
start_server "$empty"
(cd web && CENTRIC_E2E_SUITE=empty CENTRIC_E2E_URL=$url CENTRIC_E2E_EMAIL=admin@e2e.example \
  CENTRIC_E2E_PASSWORD=$admin_password CENTRIC_E2E_AGENT_EMAIL=admin@e2e.example \
  CENTRIC_E2E_AGENT_PASSWORD=$admin_password npm run e2e --silent)
