#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `centric serve` as a process: prints its URL, answers, exits 0 on SIGTERM and on SIGINT, and
# exits 1 with a clear message when the port is taken. Usage: serve_signal_test.sh CENTRIC
set -euo pipefail
centric=$1
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT

start() {  # start [extra args...]; sets pid and port
  "$centric" serve --db "$dir/t.db" --host 127.0.0.1 --port "${want_port:-0}" --threads 2 "$@" \
    >"$dir/out" 2>"$dir/err" &
  pid=$!
  for _ in $(seq 100); do
    if grep -q "listening on" "$dir/out"; then break; fi
    sleep 0.05
  done
  port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$dir/out")
  [[ -n "$port" ]] || { echo "no URL printed"; cat "$dir/out" "$dir/err"; exit 1; }
}

health() {  # plain HTTP over bash's /dev/tcp, so the test needs no curl
  exec 3<>"/dev/tcp/127.0.0.1/$1"
  printf 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >&3
  local reply
  reply=$(cat <&3)
  exec 3<&-
  [[ "$reply" == "HTTP/1.1 200 OK"* && "$reply" == *'{"status":"ok"}'* ]] ||
    { echo "bad reply: $reply"; exit 1; }
}

for signal in TERM INT; do
  start
  health "$port"
  kill -s "$signal" "$pid"
  rc=0; wait "$pid" || rc=$?
  [[ $rc -eq 0 ]] || { echo "exit $rc after SIG$signal"; cat "$dir/err"; exit 1; }
done

start
want_port=$port
rc=0; "$centric" serve --db "$dir/t.db" --port "$port" 2>"$dir/err2" >/dev/null || rc=$?
[[ $rc -eq 1 ]] || { echo "port in use: exit $rc, want 1"; exit 1; }
grep -q "Address already in use" "$dir/err2" || { echo "unclear error:"; cat "$dir/err2"; exit 1; }
kill -s TERM "$pid"
wait "$pid"
echo ok
