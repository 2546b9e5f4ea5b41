#!/usr/bin/env bash
# The browser tests (cmd/mqttviz, TestBrowser*) in SHARDS processes at
# once (default 2), every other test in each: a test waits on its
# browser and the page in turns, and another test's browser fills the
# gaps. Two at a time they keep both cores of a 2-core machine busy, so
# what makes them faster is less work: 14m39s at the start of session
# 15, 9m57s after it (pages without a service worker, Chromium without
# its omnibox pop-ups, app.wasm compressed once a process). Each process
# writes its own log; a failing one's is printed whole. Usage, from
# anywhere: scripts/browser-tests.sh [test flags...], for example
# -screenshots; GO=go1.26 picks the go command.
set -euo pipefail
cd "$(dirname "$0")/.."
shards=${SHARDS:-2}
GO=${GO:-go}
# Every process serves web/ and would build app.wasm itself if missing:
# build it once, first.
if [ ! -f web/app.wasm ]; then
  GOOS=js GOARCH=wasm "$GO" build -trimpath -ldflags="-s -w" -o web/app.wasm ./wasm
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$GO" test -c -o "$out/browser.test" ./cmd/mqttviz
cd cmd/mqttviz # the tests find web/ and testdata/ from the package's folder
mapfile -t tests < <("$out/browser.test" -test.list '^TestBrowser')
pids=()
for ((s = 0; s < shards; s++)); do
  names=()
  for ((i = s; i < ${#tests[@]}; i += shards)); do names+=("${tests[i]}"); done
  [ ${#names[@]} -gt 0 ] || continue
  re="^($(IFS='|'; echo "${names[*]}"))\$"
  "$out/browser.test" -test.count=1 -test.timeout=30m -test.run "$re" "$@" >"$out/shard$s.log" 2>&1 &
  pids+=($!)
done
failed=0
for s in "${!pids[@]}"; do
  if wait "${pids[s]}"; then
    echo "browser tests, process $((s + 1)) of ${#pids[@]}: $(tail -n 1 "$out/shard$s.log")"
  else
    failed=1
    echo "browser tests, process $((s + 1)) of ${#pids[@]}: FAIL"
    cat "$out/shard$s.log"
  fi
done
exit $failed
