#!/usr/bin/env bash
# A/B of the engine's cold XOR training: `train --scenario xor --max-steps 50000` in fresh JVMs, the
# variants alternated run by run (this VM's speed drifts by ±30% within minutes, so two blocks of runs
# compare two different machines). Prints each variant's "seconds" in ms and their median.
# A variant is a jar, optionally followed by JVM options, in one quoted argument:
#   tools/ab-train.sh 10 /tmp/before.jar target/backprop-visualizer.jar
#   tools/ab-train.sh 10 target/backprop-visualizer.jar "target/backprop-visualizer.jar -XX:+UseSerialGC"
set -euo pipefail
# shellcheck source=tools/median.sh
source "$(dirname "$0")/median.sh"
runs=$1; shift
declare -a results
for ((i = 1; i <= runs; i++)); do
  k=0
  for variant in "$@"; do
    read -r jar options <<< "$variant"
    # shellcheck disable=SC2086
    ms=$(java $options -jar "$jar" train --scenario xor --max-steps 50000 \
           | python3 -c 'import json, sys; print(round(json.load(sys.stdin)["seconds"] * 1000, 1))')
    results[k]="${results[k]:-} $ms"
    k=$((k + 1))
  done
done
k=0
for variant in "$@"; do
  median=$(tr ' ' '\n' <<< "${results[k]}" | median)
  echo "[$variant] ms:${results[k]} | median $median"
  k=$((k + 1))
done
