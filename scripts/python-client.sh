#!/usr/bin/env bash
# Generates a Python client from proto/ with grpcio-tools (in a virtual environment made here),
# starts a brief server on a free loopback port and runs tests/clients/python_client.py against it.
#
# Usage: scripts/python-client.sh [path/to/brief]   (default: target/debug/brief)
set -euo pipefail
cd "$(dirname "$0")/.."

brief=${1:-target/debug/brief}
venv=${PYCLIENT_VENV:-target/python-client-venv}
gen=target/python-client-gen

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import grpc_tools" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "grpcio>=1.60" "grpcio-tools>=1.60"
fi
rm -rf "$gen" && mkdir -p "$gen"
"$venv/bin/python" -m grpc_tools.protoc -I proto --python_out="$gen" --grpc_python_out="$gen" brief/v1/brief.proto

log=$(mktemp)
"$brief" serve --listen 127.0.0.1:0 --log-format json >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
addr=
for _ in $(seq 1 100); do
  addr=$(grep -o '"addr":"[^"]*"' "$log" | head -n1 | cut -d'"' -f4 || true)
  [ -n "$addr" ] && break
  sleep 0.1
done
if [ -z "$addr" ]; then
  echo "brief did not start:" >&2
  cat "$log" >&2
  exit 1
fi
"$venv/bin/python" tests/clients/python_client.py "$addr" "$gen"
