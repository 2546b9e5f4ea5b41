#!/usr/bin/env bash
# Lighthouse's mobile profile (its default: simulated slow 4G and a 4× slower
# CPU) on pages served by `mqttviz serve` on loopback, RUNS times each.
# Usage: bench/lighthouse/run.sh [PAGE...]   (from the repository, after make build)
# MQTTVIZ=binary and WEB=dir measure another build (default: bin/mqttviz
# serving web/), as a before beside an after. KEEP=dir keeps each report
# (dir/<page>-<run>.json) and its trace (--save-assets) for a closer look.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${RUNS:-3}
MQTTVIZ=${MQTTVIZ:-../../bin/mqttviz}
WEB=${WEB:-../../web}
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(/lessons/qos2/ / /decode/ /scenario/)
[ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$MQTTVIZ" serve --addr "127.0.0.1:$port" --web "$WEB" >/dev/null &
server=$!
out=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
# Wait until app.wasm goes out compressed, as a visitor gets it.
for _ in $(seq 120); do
  enc=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br' "http://127.0.0.1:$port/web/app.wasm" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-encoding"{print $2}' || true)
  [ "$enc" = br ] && break
  sleep 1
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for page in "${pages[@]}"; do
  for i in $(seq "$RUNS"); do
    CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} npx lighthouse "http://127.0.0.1:$port$page" --quiet \
      --only-categories=performance --output=json --output-path="$out/r$i.report.json" ${KEEP:+--save-assets} \
      --chrome-flags="$flags --user-data-dir=$out/profile$i"
  done
  node summary.js "$out"/r*.report.json
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    name=$(echo "$page" | tr -c 'a-zA-Z0-9\n' _)
    for f in "$out"/r*; do mv "$f" "$KEEP/$name-$(basename "$f")"; done
  fi
  rm -f "$out"/r*.json
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
