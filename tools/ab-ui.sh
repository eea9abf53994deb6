#!/usr/bin/env bash
# A/B of the frame-rate benchmark: `bench-ui` with the same arguments for each variant, alternated run
# by run, through the jar's launcher (the app's JVM: ZGC, class sharing). Prints per run the pulses
# over 16 ms (ms@step cursor) and the report's figures. A variant is a jar, optionally followed by
# JVM options, in one quoted argument; a jar copied elsewhere writes its own class-sharing archive on
# its first run (make one run of each before comparing).
#   tools/ab-ui.sh 5 "--after-apple --seconds 10 --warm-up 0" /tmp/before.jar target/backprop-visualizer.jar
set -euo pipefail
runs=$1; args=$2; shift 2
for ((i = 1; i <= runs; i++)); do
  for variant in "$@"; do
    read -r jar options <<< "$variant"
    # shellcheck disable=SC2086
    out=$(BENCH_DEBUG=1 java $options -jar "$jar" bench-ui $args 2>&1)
    slow=$(grep "slow pulse" <<< "$out" | sed -E 's/.*slow pulse ([0-9.]+) ms.*cursor ([0-9]+).*/\1@\2/' | tr '\n' ' ' || true)
    figures=$(grep '^{' <<< "$out" | python3 -c 'import json, sys; d = json.load(sys.stdin); print("pulses/s %s, late frames %s, longest frame %s ms, FX work p99 %s ms, max %s ms, drawn whole after %s s" % (d["pulsesPerSecond"], d["lateFrames"], d.get("longestFrameMs"), d["fxWorkMsP99"], d["fxWorkMsMax"], d.get("allViewsJoinedSeconds")))')
    echo "$(date -u +%H:%M) [$variant] run $i: over 16 ms [${slow}] $figures"
  done
done
