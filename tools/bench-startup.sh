#!/usr/bin/env bash
# Start-up benchmark: time from process start to the first frame showing the apple graph.
# Runs the packaged jar 5 times in a real window under Xvfb (GTK, software rendering) and 5 times
# headless (Monocle). Usage: tools/bench-startup.sh   (needs: apt-get install -y xvfb libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/backprop-visualizer.jar ] || mvn -q -B package -DskipTests
echo "window (Xvfb, prism sw):"
for i in 1 2 3 4 5; do
  xvfb-run -a -s "-screen 0 1920x1080x24" java -Dprism.order=sw -Dbackprop.startupProbe=true -jar target/backprop-visualizer.jar 2>/dev/null
done
echo "headless (Monocle, prism sw):"
for i in 1 2 3 4 5; do
  java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dbackprop.startupProbe=true \
    -jar target/backprop-visualizer.jar 2>/dev/null
done
