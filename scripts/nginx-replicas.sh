#!/usr/bin/env bash
# Two brief replicas behind Debian's nginx on loopback, using deploy/nginx/brief.conf: checks that
# calls reach both replicas, and that calls keep succeeding when one replica stops.
#
# Usage: scripts/nginx-replicas.sh [path/to/brief]   (default: target/debug/brief)
# Needs nginx (installed with apt-get when missing and running as root) and grpcurl (from
# scripts/grpcurl-examples.sh's virtual environment, or on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

brief=${1:-target/debug/brief}
venv=${GRPCURL_VENV:-target/grpcurl-venv}
if [ -x "$venv/bin/grpcurl" ]; then export PATH="$(cd "$venv" && pwd)/bin:$PATH"; fi
command -v grpcurl >/dev/null || { echo "grpcurl is needed (run scripts/grpcurl-examples.sh first)" >&2; exit 1; }
if ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    echo "nginx is needed" >&2; exit 1
  fi
fi
nginx_bin=$(command -v nginx)

work=$(mktemp -d)
front=127.0.0.1:50060
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  kill "${r1:-}" "${r2:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"; echo "work: $work"
}
trap cleanup EXIT

"$brief" serve --listen 127.0.0.1:50061 --log-format json >"$work/r1.log" 2>&1 & r1=$!
"$brief" serve --listen 127.0.0.1:50062 --log-format json >"$work/r2.log" 2>&1 & r2=$!

# The committed config, with the front port moved off 50051 (the grpcurl examples use it).
sed "s/listen 127.0.0.1:50051 http2/listen $front http2/" deploy/nginx/brief.conf >"$work/brief.conf"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/body;
    include $work/brief.conf;
}
CONF
"$nginx_bin" -t -q -c "$work/nginx.conf" -p "$work"
"$nginx_bin" -c "$work/nginx.conf" -p "$work"

call() {
  # With the proto files, so that grpcurl makes one call per invocation (no reflection calls,
  # which round-robin would send to one replica while the Summarize calls go to the other).
  grpcurl -plaintext -max-time 10 -import-path proto -proto brief/v1/brief.proto -d '{"document": {"content": "Floods hit the town. Roads were closed. Schools stayed shut."}}' \
    "$front" brief.v1.Summarizer/Summarize >/dev/null
}
# Wait until both replicas and nginx answer (a replica that fails a first call is skipped by nginx
# for fail_timeout).
for target in 127.0.0.1:50061 127.0.0.1:50062 "$front"; do
  for _ in $(seq 1 200); do
    if grpcurl -plaintext -max-time 2 -d '{}' "$target" grpc.health.v1.Health/Check >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
done

for _ in $(seq 1 20); do call; done
served() { grep -c 'brief.v1.Summarizer/Summarize' "$1" || true; }
n1=$(served "$work/r1.log"); n2=$(served "$work/r2.log")
echo "calls served: replica 1: $n1, replica 2: $n2"
[ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] || { echo "calls did not reach both replicas" >&2; cat "$work/error.log" >&2; exit 1; }

kill -TERM "$r1"; wait "$r1" || true; r1=
for _ in $(seq 1 20); do call; done
echo "with replica 1 stopped: 20 of 20 calls succeeded (replica 2 served $(served "$work/r2.log") in all)"
echo "nginx replicas: all passed"
