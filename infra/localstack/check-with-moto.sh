#!/usr/bin/env bash
# CI proof that init.sh works: runs it against moto_server (the same AWS API as LocalStack) twice, the second
# time to show it is safe to re-run, then verifies every table and secret of template.yaml with init.sh --check.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

command -v moto_server >/dev/null 2>&1 || { echo "error: moto_server is not on the PATH: pip install 'moto[server]'" >&2; exit 1; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
LOG="$(mktemp)"
moto_server -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
MOTO=$!
trap 'kill "$MOTO" 2>/dev/null; wait "$MOTO" 2>/dev/null; rm -f "$LOG"' EXIT

for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/moto-api/" && break
  kill -0 "$MOTO" 2>/dev/null || { cat "$LOG" >&2; echo "error: moto_server exited" >&2; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/moto-api/" || { echo "error: moto_server did not answer in 60 s" >&2; exit 1; }

export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT"
"$HERE/init.sh"
"$HERE/init.sh"
"$HERE/init.sh" --check
echo "init.sh: tables and secrets of template.yaml created and verified against moto_server"
