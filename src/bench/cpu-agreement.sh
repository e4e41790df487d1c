#!/usr/bin/env bash
# Prints how closely this machine reproduces the pinned outputs of the shipped int8 models (the toxicity
# transformer against Python onnxruntime and against the pinned Java probabilities; the off-topic MiniLM embedder
# against its pinned embeddings), and which onnxruntime int8 kernels the CPU gets.
#
#   src/bench/cpu-agreement.sh            # compile if needed, then measure
#   REBUILD=0 src/bench/cpu-agreement.sh  # reuse target/ as it is
#   EMULATE=Haswell src/bench/cpu-agreement.sh   # the same under qemu-user as an AVX2-only CPU (slow: minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${REBUILD:-1}" = 1 ] || [ ! -f target/test-classes/org/commentguard/scoring/model/CpuAgreement.class ]; then
  ./mvnw -B -q -DskipTests test-compile
fi
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp-test.txt
JAVA="$(readlink -f "$(command -v java)")"
RUN=()
EXTRA=()
if [ -n "${EMULATE:-}" ]; then
  command -v qemu-x86_64 >/dev/null || { echo "EMULATE needs qemu-user (apt-get install qemu-user)" >&2; exit 2; }
  # TCG emulates the instruction set of the named CPU model (AVX2 and older; not AVX-512), and cpuid reports it,
  # so onnxruntime picks that CPU's kernels.
  RUN=(qemu-x86_64 -cpu "$EMULATE")
  EXTRA=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
  # The kernel line names what /proc/cpuinfo lists, and qemu-user passes the host's file through unchanged.
  echo "emulated CPU: $EMULATE under qemu-user (onnxruntime sees its cpuid; the kernel line below reads the host's /proc/cpuinfo)"
fi
"${RUN[@]}" "$JAVA" "${EXTRA[@]}" -cp "target/test-classes:target/classes:$(cat target/cp-test.txt)" \
  org.commentguard.scoring.model.CpuAgreement "$@" 2> >(grep -v "TCG doesn't support" >&2)
