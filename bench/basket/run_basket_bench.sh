#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process basket benchmark (docs/basket.md, section Performance): generates IBM
# Quest-style FIMI files (100k baskets, mean size 10, seed 1) over 1,000 and 20,000 items and
# times `centric basket --json` at supports 1 %, 0.1 % and 0.05 % (rules at confidence >= 0.5,
# nothing written), RUNS times each, printing the median wall time, the phases reported by
# --json and the peak RSS (/usr/bin/time -v).
#
# Usage: bench/basket/run_basket_bench.sh BUILD_DIR [RUNS=3] [WORKDIR]
# BUILD_DIR must be configured with -DCENTRIC_BUILD_BENCH=ON and have the targets centric and
# basket_generate_quest built; CENTRIC=path/to/centric takes the executable from elsewhere.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [RUNS] [WORKDIR]}
runs=${2:-3}
work=${3:-${TMPDIR:-/tmp}/centric_basket_bench}
centric=${CENTRIC:-$build/src/cli/centric}
generate=$build/bench/basket/basket_generate_quest
mkdir -p "$work"

printf '%-8s %-8s %10s %10s %10s %10s %10s %9s\n' items support itemsets rules wall_s \
  mine_s rules_s rss_mb
for items in 1000 20000; do
  file=$work/quest_$items.dat
  [[ -s $file ]] || "$generate" "$file" "$items"
  for support in 0.01 0.001 0.0005; do
    walls=()
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -v -o "$work/time.log" "$centric" basket --input "$file" \
        --min-support "$support" --min-confidence 0.5 --json > "$work/out.json"
      walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":");
        print (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }' "$work/time.log")")
    done
    wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time.log")
    field() { grep -o "\"$1\":[0-9.]*" "$work/out.json" | cut -d: -f2; }
    printf '%-8s %-8s %10s %10s %10s %10s %10s %9s\n' "$items" "$support" "$(field itemsets)" \
      "$(field rules)" "$wall" "$(field mine_seconds)" "$(field rules_seconds)" "$rss"
  done
done
