#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process benchmark of the HTTP API: builds the data (centric demo, or synthetic with
# DATA=synthetic), starts `centric serve` on loopback, and measures with wrk
#   1. GET /api/v1/customers/{random id}?events=50 at CONNECTIONS connections: throughput, p50/p99
#   2. GET /health the same way: the ceiling of the HTTP layer on this machine
#   3. the customer request on 8 connections and on 1: latency with little or no queueing
#   4. GET /api/v1/customers/{random id}/recommendations on 8 connections and on 1 (the store
#      is analysed first when it has no cross-sell model)
# then prints the figures and the customer/health throughput ratio.
#
# Build first:  cmake --preset bench && cmake --build build/bench -j1 --target centric api_bench_seed
# Run:          bench/api/run_http_bench.sh           (1M customers; hours of data generation once)
#               CUSTOMERS=100000 DATA=synthetic bench/api/run_http_bench.sh
# Settings (environment): BUILD, CENTRIC, CUSTOMERS, DATA (demo|synthetic), LINES_PER_CUSTOMER
# (synthetic), DB, PORT, SERVER_THREADS, WRK_THREADS, CONNECTIONS, DURATION, EVENTS.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build/bench}
centric=${CENTRIC:-$build/src/cli/centric}
seeder=${SEEDER:-$build/bench/api/api_bench_seed}
customers=${CUSTOMERS:-1000000}
data=${DATA:-demo}
lines_per_customer=${LINES_PER_CUSTOMER:-10}
db=${DB:-$build/bench-data/api-$data-$customers.db}
port=${PORT:-18180}
server_threads=${SERVER_THREADS:-$(nproc)}
wrk_threads=${WRK_THREADS:-2}
connections=${CONNECTIONS:-64}
duration=${DURATION:-15s}
events=${EVENTS:-50}
# Only ever a loopback address: this script must never load anyone else's machine.
host=127.0.0.1
script=$root/bench/api/random_customer.lua

for tool in "$centric" wrk python3; do
  command -v "$tool" >/dev/null || { echo "run_http_bench: $tool not found" >&2; exit 1; }
done

mkdir -p "$(dirname "$db")"
if [[ ! -s "$db" ]]; then
  echo "== building data: $customers customers ($data) into $db"
  start=$(date +%s)
  case "$data" in
    demo) "$centric" demo --customers "$customers" --db "$db" ;;
    synthetic) "$seeder" --db "$db" --customers "$customers" --lines-per-customer "$lines_per_customer" ;;
    *) echo "DATA must be demo or synthetic" >&2; exit 2 ;;
  esac
  echo "   took $(( $(date +%s) - start )) s"
fi

read -r n_customers n_orders n_lines n_interactions max_id < <(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
q = lambda sql: c.execute(sql).fetchone()[0] or 0
print(q("select count(*) from customers"), q("select count(*) from orders"),
      q("select count(*) from order_lines"), q("select count(*) from interactions"),
      q("select max(id) from customers"))
PY
)
echo "== data: $n_customers customers, $n_orders orders, $n_lines order lines, $n_interactions interactions; $(du -h "$db" | cut -f1)"

has_model=$(python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
try:
    print(c.execute("select count(*) from crosssell_runs").fetchone()[0])
except sqlite3.OperationalError:
    print(0)
PY
)
if [[ "$has_model" == 0 ]]; then
  echo "== analysing (retention and cross-sell model), once"
  /usr/bin/time -f "   took %e s, peak RSS %M KB" "$centric" analyze --db "$db" | tail -1
fi

# A server that has been running has its working set in the OS page cache; a file just written
# or copied may not, and then the first minutes measure the disk. Read it once.
cat "$db" >/dev/null

token=$("$centric" token create --role analyst --name http-bench --db "$db" 2>/dev/null)
log=$(mktemp)
"$centric" serve --db "$db" --host "$host" --port "$port" --threads "$server_threads" >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 200); do grep -q "listening on" "$log" && break; sleep 0.05; done
grep -q "listening on" "$log" || { cat "$log"; exit 1; }
url="http://$host:$port"
echo "== server: $(head -1 "$log"), $server_threads worker threads"

export CENTRIC_BENCH_TOKEN=$token CENTRIC_BENCH_MAX_ID=$max_id CENTRIC_BENCH_EVENTS=$events

# wrk prints latencies as 812.00us, 3.21ms or 1.02s; figures below are in ms.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }
run() {  # run NAME CONNS THREADS DURATION [wrk args...]; sets rps_NAME p50_NAME p99_NAME
  local name=$1 conns=$2 threads=$3 dur=$4; shift 4
  local out
  out=$(wrk -t"$threads" -c"$conns" -d"$dur" --latency "$@")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out"; echo "run_http_bench: errors in $name" >&2; exit 1; fi
  printf -v "rps_$name" '%s' "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  printf -v "p50_$name" '%s' "$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms)"
  printf -v "p99_$name" '%s' "$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms)"
  echo "$out" | sed 's/^/   /'
}

echo "== warm-up (5 s, not counted)"
wrk -t"$wrk_threads" -c"$connections" -d5s -s "$script" "$url" >/dev/null
echo "== customer with $events events, $connections connections, $duration"
run customer "$connections" "$wrk_threads" "$duration" -s "$script" "$url"
echo "== /health, $connections connections, $duration"
run health "$connections" "$wrk_threads" "$duration" "$url/health"
echo "== customer with $events events, 8 connections, 10s"
run eight 8 "$wrk_threads" 10s -s "$script" "$url"
echo "== customer with $events events, 1 connection, 10s"
run single 1 1 10s -s "$script" "$url"

export CENTRIC_BENCH_PATH='/api/v1/customers/{id}/recommendations'
echo "== recommendations, 8 connections, 10s"
run recs8 8 "$wrk_threads" 10s -s "$script" "$url"
echo "== recommendations, 1 connection, 10s"
run recs1 1 1 10s -s "$script" "$url"
unset CENTRIC_BENCH_PATH

kill -TERM "$server"
rc=0; wait "$server" || rc=$?
trap 'rm -f "$log"' EXIT
[[ $rc -eq 0 ]] || echo "run_http_bench: server exited $rc after SIGTERM" >&2

ratio=$(awk -v a="$rps_customer" -v b="$rps_health" 'BEGIN {printf "%.3f", a / b}')
cat <<REPORT

HTTP API benchmark ($(nproc) hardware threads: $(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))
data: $n_customers customers, $n_lines order lines ($data); server threads $server_threads; wrk -t$wrk_threads
| request                                | conns | req/s | p50 ms | p99 ms |
|----------------------------------------|-------|-------|--------|--------|
| GET /api/v1/customers/{id}?events=$events | $connections | $rps_customer | $p50_customer | $p99_customer |
| GET /health                            | $connections | $rps_health | $p50_health | $p99_health |
| GET /api/v1/customers/{id}?events=$events | 8 | $rps_eight | $p50_eight | $p99_eight |
| GET /api/v1/customers/{id}?events=$events | 1 | $rps_single | $p50_single | $p99_single |
| GET /api/v1/customers/{id}/recommendations | 8 | $rps_recs8 | $p50_recs8 | $p99_recs8 |
| GET /api/v1/customers/{id}/recommendations | 1 | $rps_recs1 | $p50_recs1 | $p99_recs1 |
customer / health throughput ratio: $ratio
REPORT
