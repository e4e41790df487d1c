#!/usr/bin/env bash
# Cost per comment of the off-topic scorer with its thread signals (OffTopicDriftBenchmark): 600-1,000-character
# comments, one core, one onnxruntime thread. Run on a quiet machine; the numbers go in models/offtopic/MODEL_CARD.md.
#
#   src/bench/offtopic-drift-bench.sh            # compile, then measure
#   REBUILD=0 src/bench/offtopic-drift-bench.sh  # reuse target/ as it is
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${REBUILD:-1}" = 1 ] || [ ! -f target/classes/org/commentguard/scoring/offtopic/training/OffTopicDriftBenchmark.class ]; then
  ./mvnw -B -q -DskipTests compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec taskset -c "${CPU:-0}" java -XX:ActiveProcessorCount=1 -cp "target/classes:$(cat target/cp.txt)" \
  org.commentguard.scoring.offtopic.training.OffTopicDriftBenchmark "${1:-models/offtopic/data}"
