#!/usr/bin/env bash
# Cost per comment of the off-topic scorer with its thread signals (OffTopicDriftBenchmark): 600-1,000-character
# comments, one core, one onnxruntime thread. Run on a quiet machine; the numbers go in models/offtopic/MODEL_CARD.md.
#
#   src/bench/offtopic-drift-bench.sh            # compile, then measure
#   REBUILD=0 src/bench/offtopic-drift-bench.sh  # reuse target/ as it is
set -euo pipefail
cd "$(dirname "$0")/../.."
skip=0
[ "${REBUILD:-1}" = 1 ] || skip=1
SKIP_BUILD=$skip JAVA_OPTS="-XX:ActiveProcessorCount=1" exec taskset -c "${CPU:-0}" \
  src/tools/run OffTopicDriftBenchmark "${1:-models/offtopic/data}"
