#!/usr/bin/env bash
# Lighthouse on two builds in turn: run.sh once (RUNS=1) on the "before"
# build, once on this one, TURNS times, the given pages each time.
# Usage: BEFORE=/tmp/before bench/lighthouse/turns.sh [PAGE...]
# BEFORE is a directory holding that build's mqttviz binary and web/ (as
# docs/performance.md's "Browser app" builds it). KEEP=dir keeps every
# report and trace under dir/<build>-t<turn>/.
set -euo pipefail
cd "$(dirname "$0")"
: "${BEFORE:?BEFORE=dir of the other build (mqttviz and web/)}"
for turn in $(seq "${TURNS:-3}"); do
  for build in before after; do
    echo "## turn $turn, $build"
    if [ "$build" = before ]; then
      bin=$BEFORE/mqttviz web=$BEFORE/web
    else
      bin=../../bin/mqttviz web=../../web
    fi
    KEEP=${KEEP:+$KEEP/$build-t$turn} MQTTVIZ=$bin WEB=$web RUNS=1 ./run.sh "$@"
  done
done
