#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Whole-process timing of `centric demo`: generation alone (--dry-run) and into a fresh SQLite
# file, for each customer count given (default 10000 100000 1000000). Prints one Markdown table
# row per run with wall time, CPU share and peak memory from /usr/bin/time -v.
# Usage: bench/demo/run_demo_bench.sh [BUILD_DIR] [COUNT...]
set -eu
build=${1:-build/release}
[ $# -gt 0 ] && shift
counts=${*:-10000 100000 1000000}
centric="$build/src/cli/centric"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # label, then the command
  label=$1
  shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time"
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
  cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$work/time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
  summary=$(cat "$work/out")
  printf '| %s | %s | %s | %s MB | %s |\n' "$label" "$wall" "$cpu" "$((rss / 1024))" "$summary"
}

printf '| run | wall | CPU | peak RSS | summary |\n|---|---|---|---|---|\n'
for n in $counts; do
  run "$n generate only" "$centric" demo --customers "$n" --dry-run
  rm -f "$work/demo.db" "$work/demo.db-wal" "$work/demo.db-shm"
  run "$n into SQLite" "$centric" demo --customers "$n" --db "$work/demo.db"
  printf '| (file size) | | | | %s MB |\n' "$(($(stat -c %s "$work/demo.db") / 1048576))"
done
