#!/usr/bin/env bash
# The contract as a package: `buf lint` (STANDARD, see buf.yaml) and `buf breaking` against the
# image of the last release (proto/releases/$BUF_BASELINE.binpb). A break is allowed only when it
# is listed in proto/releases/accepted-breaks.txt (and so in CHANGELOG.md); a listed break that
# buf no longer reports fails too, so the list cannot go stale.
#
# buf comes from the npm package @bufbuild/buf at a pinned version, installed under target/buf.
#
# Usage: scripts/buf-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.75.0
baseline=proto/releases/${BUF_BASELINE:-0.1.0}.binpb
dir=${BUF_DIR:-target/buf}
buf=$dir/node_modules/.bin/buf

if [ "$("$buf" --version 2>/dev/null || true)" != "$version" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@bufbuild/buf@$version"
fi
echo "buf $("$buf" --version)"

echo "--- buf lint"
"$buf" lint
echo "buf lint: no violations"

echo "--- buf breaking --against $baseline"
reported=$(mktemp)
accepted=$(mktemp)
trap 'rm -f "$reported" "$reported.json" "$accepted"' EXIT
status=0
"$buf" breaking --against "$baseline" --error-format json >"$reported.json" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 100 ]; then
  # 100 is buf's "found breaking changes"; anything else is buf itself failing.
  cat "$reported.json" >&2
  rm -f "$reported.json"
  echo "buf breaking failed to run (exit $status)" >&2
  exit 1
fi
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    if line.strip():
        d = json.loads(line)
        print(d["type"] + ": " + d["message"])
' "$reported.json" | sort >"$reported"
rm -f "$reported.json"
grep -v '^#' proto/releases/accepted-breaks.txt | grep -v '^[[:space:]]*$' | sort >"$accepted" || true
cat "$reported"
if ! diff -u --label accepted-breaks.txt --label 'buf breaking' "$accepted" "$reported"; then
  echo "buf breaking: the breaks above differ from proto/releases/accepted-breaks.txt" \
    "(+ reported but not accepted, - accepted but no longer reported)" >&2
  exit 1
fi
echo "buf breaking: $(wc -l <"$reported") break(s) against $baseline, all listed in proto/releases/accepted-breaks.txt"
