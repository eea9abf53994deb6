#!/usr/bin/env bash
# Writes ELK's layouts of the built-in lessons into the jar's resources (PrecomputedLayouts), so start-up
# shows the first lesson without loading ELK. Run it after changing a lesson, the boxes or the layout
# options; PrecomputedLayoutsTest fails until then.
#   tools/precompute-layouts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
java -cp target/backprop-visualizer.jar backprop.ui.graph.BuiltInLayouts \
  src/main/resources/backprop/ui/layout/precomputed-layouts.tsv
