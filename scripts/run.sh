#!/usr/bin/env bash
# Sets up Centric and runs it on the embedded default: builds, creates ./centric.db with demo
# data when there is none (and analyses it), creates an admin API token and serves on
# http://127.0.0.1:8080.
# Environment: CENTRIC_DB (default ./centric.db), CENTRIC_PORT (8080),
# CENTRIC_DEMO_CUSTOMERS (20000).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh release
centric=build/release/src/cli/centric
db=${CENTRIC_DB:-./centric.db}
port=${CENTRIC_PORT:-8080}

if [ ! -f "$db" ]; then
  echo "centric: creating $db with demo data"
  "$centric" demo --db "$db" --customers "${CENTRIC_DEMO_CUSTOMERS:-20000}" --seed 42
  echo "centric: analysing the demo shop (retention models, segments, tiers)"
  "$centric" analyze --db "$db"
fi
token=$("$centric" token create --db "$db" --role admin --name "run.sh $(date -u +%FT%TZ)")

cat <<INFO

  Centric is starting on http://127.0.0.1:$port
  Sign in to the API with this admin token (shown once, stored hashed):
    $token
  For example:
    curl -H 'Authorization: Bearer $token' http://127.0.0.1:$port/api/v1/customers?limit=5
  More tokens: $centric token create --role admin|agent|analyst
  Stop with Ctrl-C.

INFO
exec "$centric" serve --db "$db" --host 127.0.0.1 --port "$port"
