#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process retention benchmark (docs/benchmarks.md, section Retention): for each size,
# generates the BG/NBD-shaped transaction log once, then times on the same file
#   centric   centric analyze --transactions FILE --json        (parse, summaries, BG/NBD and
#             Gamma-Gamma fits, every customer's predictions and segments)
#   baseline  baseline_lifetimes_method.py FILE                  (the lifetimes method in
#             pandas + SciPy; sizes up to BASELINE_MAX customers; once: it is slow)
# centric RUNS times, median wall time and peak RSS (/usr/bin/time -v).
#
# Usage: bench/analytics/run_analyze_bench.sh BUILD_DIR [CUSTOMERS ...]   (default 10000 100000 1000000)
# BUILD_DIR must be configured with -DCENTRIC_BUILD_BENCH=ON and have centric and
# analytics_generate_transactions built. The baseline runs on Debian's python3 with
# python3-pandas and python3-scipy; this script installs them. Debian's python3-scipy package
# cannot be installed beside libboost1.81-dev (its python3-pythran dependency pulls
# libboost1.74-dev, which conflicts), so the scipy package is unpacked into the work folder
# instead: SciPy needs pythran only to build, not to run.
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [CUSTOMERS ...]}
shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000 1000000)
runs=${RUNS:-3}
baseline_max=${BASELINE_MAX:-1000000}
work=${WORKDIR:-${TMPDIR:-/tmp}/centric_analyze_bench}
here=$(cd "$(dirname "$0")" && pwd)
centric=$build/src/cli/centric
generate=$build/bench/analytics/analytics_generate_transactions
mkdir -p "$work"
python=/usr/bin/python3

ensure_baseline() {
  if ! "$python" -c 'import pandas' 2>/dev/null; then
    apt-get install -y -q --no-install-recommends python3-pandas python3-numpy \
      python3-decorator liblbfgsb0 libgfortran5 libblas3 liblapack3 >/dev/null
  fi
  if ! "$python" -c 'import scipy.optimize' 2>/dev/null; then
    local pkg=$work/scipy
    if [[ ! -d $pkg/unpacked ]]; then
      mkdir -p "$pkg"
      (cd "$pkg" && apt-get download python3-scipy >/dev/null 2>&1 && dpkg -x python3-scipy_*.deb unpacked)
    fi
    export PYTHONPATH=$pkg/unpacked/usr/lib/python3/dist-packages
  fi
}
ensure_baseline

# Prints "wall_seconds maxrss_kb" of one run of the command.
run_once() {
  /usr/bin/time -v -o "$work/time.log" "$@" > "$work/out.json" 2> "$work/err.log" || {
    cat "$work/err.log" >&2; return 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /Maximum resident/ { rss = $2 }
    END { printf "%.3f %d\n", wall, rss }' "$work/time.log"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# measure TIMES CMD...: prints "median_wall median_rss_mib".
measure() {
  local times=$1 walls=() rsss=()
  shift
  for ((i = 0; i < times; i++)); do
    read -r w r < <(run_once "$@")
    walls+=("$w"); rsss+=("$r")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) $(( $(printf '%s\n' "${rsss[@]}" | median) / 1024 ))"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load before: $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '| %10s | %12s | %8s | %14s | %12s | %14s | %8s |\n' customers transactions MiB "centric s" "centric RSS" "baseline s" ratio
printf '|%s|\n' "------------|--------------|----------|----------------|--------------|----------------|----------"
for n in "${sizes[@]}"; do
  csv=$work/transactions_$n.csv
  [[ -s $csv ]] || "$generate" "$n" "$csv"
  rows=$(( $(wc -l < "$csv") - 1 ))
  mib=$(( $(stat -c %s "$csv") / 1048576 ))
  read -r cw cr < <(measure "$runs" "$centric" analyze --transactions "$csv" \
    --map customer=customer,date=date,amount=amount --json)
  cp "$work/out.json" "$work/centric_$n.json"
  bw="-" ratio="-"
  if (( n <= baseline_max )); then
    read -r bw _ < <(measure 1 "$python" "$here/baseline_lifetimes_method.py" "$csv")
    cp "$work/out.json" "$work/baseline_$n.json"
    ratio=$(awk -v b="$bw" -v c="$cw" 'BEGIN { printf "%.0fx", b / c }')
  fi
  printf '| %10s | %12s | %8s | %14s | %9s MiB | %14s | %8s |\n' "$n" "$rows" "$mib" "$cw" "$cr" "$bw" "$ratio"
done
echo "outputs (parameters of both) in $work/centric_N.json and $work/baseline_N.json"
