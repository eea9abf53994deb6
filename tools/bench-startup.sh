#!/usr/bin/env bash
# Start-up benchmark: time from launching java to the first frame showing the apple graph
# (the launch time is taken by `date` just before java starts and passed in as a property).
# Runs the packaged jar 5 times in a real window under Xvfb (GTK, software rendering) and 5 times
# headless (Monocle). `java -jar` starts the app in a second JVM that maps its classes from a
# class-data-sharing archive (backprop.AppJvmLauncher), which `mvn package` writes next to the
# jar; SHARED_CLASSES=off measures without it, FIRST_LAUNCH=1 deletes it first and reports the launch
# that writes it again (as after a build whose archive step failed, or with another JDK).
# Usage: tools/bench-startup.sh   (needs: apt-get install -y xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/backprop-visualizer.jar ] || mvn -q -B package -DskipTests
shared=()
if [[ "${SHARED_CLASSES:-on}" == off ]]; then shared=(-Dbackprop.sharedClasses=off); fi
Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1   # the X server is up before the clock starts
if [[ "${FIRST_LAUNCH:-0}" == 1 ]]; then
  echo "first launch without an archive (writes it at exit), window:"
  rm -f target/backprop-visualizer-*.jsa
  DISPLAY=:77 java -Dbackprop.launchedAt="$(date +%s%3N)" -Dprism.order=sw -Dbackprop.startupProbe=true \
    -jar target/backprop-visualizer.jar 2>/dev/null
  sleep 1
fi
echo "window (Xvfb, GTK, prism sw):"
for i in 1 2 3 4 5; do
  DISPLAY=:77 java "${shared[@]}" -Dbackprop.launchedAt="$(date +%s%3N)" -Dprism.order=sw -Dbackprop.startupProbe=true \
    -jar target/backprop-visualizer.jar 2>/dev/null
  sleep 1   # let the previous JVM's exit settle: each run is a cold start, as a teacher's would be
done
echo "headless (Monocle, prism sw):"
for i in 1 2 3 4 5; do
  java "${shared[@]}" -Dbackprop.launchedAt="$(date +%s%3N)" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dbackprop.startupProbe=true \
    -jar target/backprop-visualizer.jar 2>/dev/null
  sleep 1
done
