#!/usr/bin/env bash
# XOR training, engine vs numpy: seed 003's numpy loop (tools/xor_numpy.py) against
# `backprop-visualizer train --scenario xor --max-steps 50000`, each run RUNS times (default 3).
# Both figures time the training loop only: numpy's with time.perf_counter, the engine's is the
# "seconds" field of the JSON (Trainer.train, after JVM start-up, before printing). The two alternate.
# Usage: tools/bench-xor.sh            (REBUILD=1 to rebuild the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/backprop-visualizer.jar
RUNS=${RUNS:-3}
PYTHON=${PYTHON:-python3}

if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  echo "building $JAR ..." >&2
  mvn -q -B package -DskipTests
fi

# shellcheck source=tools/median.sh
source tools/median.sh

# numpy and the engine alternate, run by run: this VM's speed drifts by ±30% within minutes, and
# two blocks of runs a minute apart compared two different machines
numpy_times=()
engine_times=()
ratios=()
for ((i = 1; i <= RUNS; i++)); do
  n=$("$PYTHON" tools/xor_numpy.py | tail -n 1)
  e=$(java -jar "$JAR" train --scenario xor --max-steps 50000 \
        | "$PYTHON" -c 'import json, sys; d = json.load(sys.stdin); assert len(d["steps"]) == 50000, len(d["steps"]); print(d["seconds"])')
  numpy_times+=("$n")
  engine_times+=("$e")
  ratios+=("$(awk -v e="$e" -v n="$n" 'BEGIN { printf "%.3f", e / n }')")
  echo "run $i: numpy $n s, engine $e s, engine / numpy ${ratios[-1]}"
done

numpy_median=$(printf '%s\n' "${numpy_times[@]}" | median)
engine_median=$(printf '%s\n' "${engine_times[@]}" | median)
echo "numpy  median: $numpy_median s"
echo "engine median: $engine_median s"
awk -v e="$engine_median" -v n="$numpy_median" 'BEGIN {
  printf "engine / numpy = %.3f (numpy is %.2fx the engine time; target: engine <= 0.1 x numpy)\n", e / n, n / e }'
echo "median of the runs' own ratios: $(printf '%s\n' "${ratios[@]}" | median)"
