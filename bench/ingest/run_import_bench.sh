#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process import benchmark (docs/benchmarks.md, section Import): generates the
# deterministic Online Retail-shaped order log, then times, side by side on the same file,
#   read      cat FILE > /dev/null                    (reading the file: the floor)
#   sqlite3   sqlite3 .import of the raw CSV into one text table (no conversion, no indexes)
#   parse     centric import orders --dry-run         (CSV + mapping + dates/numbers, no store)
#   import    centric import orders --db NEW.db       (the real thing, SQLite)
# each RUNS times, reporting the median wall time, CPU time and peak RSS (/usr/bin/time -v).
#
# Usage: bench/ingest/run_import_bench.sh BUILD_DIR [LINES=10000000] [RUNS=3] [WORKDIR]
# BUILD_DIR must be configured with -DCENTRIC_BUILD_BENCH=ON and have the targets centric
# and ingest_generate_orders built.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [LINES] [RUNS] [WORKDIR]}
lines=${2:-10000000}
runs=${3:-3}
work=${4:-${TMPDIR:-/tmp}/centric_import_bench}
centric=$build/src/cli/centric
generate=$build/bench/ingest/ingest_generate_orders
map="customer=Customer ID,timestamp=InvoiceDate,product=StockCode"
datefmt="%m/%d/%Y %H:%M"

mkdir -p "$work"
csv=$work/orders_$lines.csv
if [[ ! -s $csv ]]; then
  echo "generating $lines lines into $csv" >&2
  "$generate" "$lines" "$csv"
fi
bytes=$(stat -c %s "$csv")

# run NAME CMD...: prints "wall user sys maxrss_kb" of one run.
run_once() {
  local log=$work/time.log
  /usr/bin/time -v -o "$log" "$@" > "$work/out.log" 2>&1 || { cat "$work/out.log" >&2; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%.2f %.2f %.2f %d\n", wall, user, sys, rss }' "$log"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A wall cpu rss
measure() {
  local name=$1; shift
  local walls=() cpus=() rsss=()
  for ((i = 0; i < runs; i++)); do
    [[ $name == sqlite3 || $name == import ]] && rm -f "$work"/bench.db "$work"/bench.db-wal "$work"/bench.db-shm "$work"/bench.db-journal
    read -r w u s r < <(run_once "$@")
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')"); rsss+=("$r")
    echo "  $name run $((i + 1)): wall ${w}s user ${u}s sys ${s}s rss ${r}KB" >&2
  done
  wall[$name]=$(printf '%s\n' "${walls[@]}" | median)
  cpu[$name]=$(printf '%s\n' "${cpus[@]}" | median)
  rss[$name]=$(printf '%s\n' "${rsss[@]}" | median)
}

measure read cat "$csv"
measure sqlite3 sqlite3 "$work/bench.db" ".mode csv" ".import $csv raw"
measure parse "$centric" import orders "$csv" --dry-run -q --currency GBP --map "$map" --date-format "$datefmt"
measure import "$centric" import orders "$csv" --db "$work/bench.db" -q --currency GBP --map "$map" --date-format "$datefmt"
tail -n 2 "$work/out.log" >&2

echo
echo "file: $lines lines, $((bytes / 1048576)) MiB; median of $runs runs; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-8s | %8s | %8s | %12s | %10s | %9s |\n' step "wall s" "CPU s" "lines/s" "MiB/s" "peak RSS"
printf '|%s|\n' "----------|----------|----------|--------------|------------|-----------"
for name in read sqlite3 parse import; do
  awk -v n="$name" -v w="${wall[$name]}" -v c="${cpu[$name]}" -v r="${rss[$name]}" -v l="$lines" -v b="$bytes" \
    'BEGIN { printf "| %-8s | %8.2f | %8.2f | %12.0f | %10.1f | %6.0f MiB |\n", n, w, c, l / w, b / w / 1048576, r / 1024 }'
done
awk -v i="${wall[import]}" -v s="${wall[sqlite3]}" -v p="${wall[parse]}" \
  'BEGIN { printf "\nimport / sqlite3 .import: %.2fx the time; import / parse-only: %.2fx\n", i / s, i / p }'
