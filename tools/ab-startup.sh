#!/usr/bin/env bash
# A/B of start-up: cold window starts of each variant, alternated start by start, under Xvfb (GTK,
# prism sw), printing the first-frame time the app's start-up probe reports (as tools/bench-startup.sh), then
# per variant the sorted times, their median and how many were over the 1.5 s bar.
# A variant is a jar, optionally followed by JVM options, in one quoted argument. Give each jar its own
# directory and launch it once in a window first: its class-sharing archive is written next to it on
# that first launch, and an archive written headless (by `mvn package`) lacks the window's GTK classes.
#   tools/ab-startup.sh 8 /tmp/before/backprop-visualizer.jar target/backprop-visualizer.jar
set -euo pipefail
# shellcheck source=tools/median.sh
source "$(dirname "$0")/median.sh"
runs=$1; shift
declare -A times
Xvfb :79 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
for ((i = 1; i <= runs; i++)); do
  for variant in "$@"; do
    read -r jar options <<< "$variant"
    # shellcheck disable=SC2086
    ms=$(DISPLAY=:79 java $options -Dbackprop.launchedAt="$(date +%s%3N)" -Dprism.order=sw \
      -Dbackprop.startupProbe=true -jar "$jar" 2>/dev/null | grep -o '[0-9]\+' || echo failed)
    echo "$(date -u +%H:%M) [$variant] run $i: first frame $ms ms"
    times[$variant]+="$ms "
    sleep 1   # each run a cold start, as a teacher's would be
  done
done
for variant in "$@"; do
  sorted=$(tr ' ' '\n' <<< "${times[$variant]}" | grep -E '^[0-9]+$' | sort -n | tr '\n' ' ')
  over=$(tr ' ' '\n' <<< "$sorted" | awk '$1 > 1500' | grep -c . || true)
  echo "[$variant] sorted: ${sorted}| median $(tr ' ' '\n' <<< "$sorted" | median) ms, over 1500 ms: $over"
done
