#!/usr/bin/env bash
# The watch page in a real headless Chromium beside the load: mqttviz
# broker with --http, each workload run without and then with Chromium
# on /watch/, ROUNDS times (docs/performance.md, section Broker).
#   bench/brokerload/chromium-watch.sh [MQTTVIZ_BIN] [WEB_DIR]
set -euo pipefail
cd "$(dirname "$0")"
bin=${1:-../../bin/mqttviz}
web=${2:-../../web}
rounds=${ROUNDS:-2}
tcp=$((20000 + RANDOM % 20000)); http=$((tcp + 1))
tmp=$(mktemp -d)
go build -o "$tmp/brokerload" .
"$bin" broker --tcp 127.0.0.1:$tcp --ws "" --http 127.0.0.1:$http --web "$web" \
  --max-conns 20000 --max-sessions 20000 > "$tmp/broker.log" 2>&1 &
broker=$!
chromium_pid=
cleanup() {
  [ -n "$chromium_pid" ] && kill "$chromium_pid" 2>/dev/null || true
  kill "$broker" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 100); do (echo > /dev/tcp/127.0.0.1/$http) 2>/dev/null && break; sleep 0.1; done
sleep 10 # the app's pages are rendered and compressed at start-up
cat /proc/loadavg
for r in $(seq "$rounds"); do
  for page in without with; do
    if [ $page = with ]; then
      chromium --headless=new --no-sandbox --disable-gpu --user-data-dir="$tmp/profile" \
        --window-size=1280,800 "http://127.0.0.1:$http/watch/" > "$tmp/chromium.log" 2>&1 &
      chromium_pid=$!
      # wait for the page's watch stream: a connection to --http that stays
      for _ in $(seq 300); do
        [ "$(ss -Htn state established "( dport = :$http )" | wc -l)" -ge 1 ] && break
        sleep 0.2
      done
      sleep 5
    fi
    for w in "1 100 0" "100 1 0" "1 100 1" "100 1 1"; do
      set -- $w
      echo "round $r, $page Chromium on /watch/: $("$tmp/brokerload" run -addr 127.0.0.1:$tcp -pubs $1 -subs $2 -qos $3 -duration 3s)"
    done
    if [ $page = with ]; then
      echo "  Chromium's connections to --http: $(ss -Htn state established "( dport = :$http )" | wc -l)"
      kill "$chromium_pid"; wait "$chromium_pid" 2>/dev/null || true; chromium_pid=
    fi
  done
done
cat /proc/loadavg
