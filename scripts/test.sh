#!/usr/bin/env bash
# Sets up Centric and runs every test: unit, SQLite and PostgreSQL integration, HTTP API, end
# to end. Builds twice: Release, and Debug with AddressSanitizer and UBSan. A throwaway
# PostgreSQL 15 is started on loopback for the run and removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh release
scripts/setup.sh debug

read -r pg_dir dsn < <(scripts/postgres-scratch.sh start)
trap 'scripts/postgres-scratch.sh stop "$pg_dir"' EXIT
export CENTRIC_TEST_PG_DSN=$dsn
echo "centric tests: PostgreSQL at $dsn"

jobs=$(nproc)
status=0
echo "== Release build"
ctest --test-dir build/release --output-on-failure -j "$jobs" || status=1
echo "== Debug build with AddressSanitizer and UBSan (slow tests skipped)"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/debug --output-on-failure -j "$jobs" -LE slow || status=1
echo "== Web app: unit tests, then end to end in Chromium against a real server"
scripts/web-test.sh || status=1
exit $status
