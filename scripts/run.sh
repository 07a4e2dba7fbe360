#!/usr/bin/env bash
# Sets up Centric and runs it on the embedded default: builds, creates ./centric.db with demo
# data when there is none (and analyses it), creates a demo admin for the web app and an
# admin API token, and serves the web app and the API on http://127.0.0.1:8080.
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
  echo "centric: analysing the demo shop (retention models, segments, tiers, cross-sell)"
  "$centric" analyze --db "$db"
fi
# A demo admin with a fresh password each run: the old one is replaced, never printed twice.
demo_email=admin@demo.centric
demo_password=$("$centric" user add --db "$db" --email "$demo_email" --name "Demo Admin" \
  --role admin --generate-password 2>/dev/null) || {
  demo_password=$(head -c 15 /dev/urandom | base64 | tr '+/' '-_')
  echo "$demo_password" | "$centric" user password --db "$db" "$demo_email" 2>/dev/null
}
token=$("$centric" token create --db "$db" --role admin --name "run.sh $(date -u +%FT%TZ)")

cat <<INFO

  Centric is starting on http://127.0.0.1:$port
  Sign in to the web app there as:
    email:    $demo_email
    password: $demo_password
  (a new password each start; add people with: $centric user add --email ... --role agent)

  Sign in to the API with this admin token (shown once, stored hashed):
    $token
  For example:
    curl -H 'Authorization: Bearer $token' http://127.0.0.1:$port/api/v1/customers?limit=5
  More tokens: $centric token create --role admin|agent|analyst
  Stop with Ctrl-C.

INFO
exec "$centric" serve --db "$db" --host 127.0.0.1 --port "$port" --web web/dist
