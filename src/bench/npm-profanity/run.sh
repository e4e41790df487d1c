#!/usr/bin/env bash
# Commentguard's profanity stage next to the npm filters obscenity and bad-words, on the same labelled inputs:
# comments/s on one thread after warm-up, speed relative to Commentguard, catch rate on profane inputs and
# false-hit rate on clean ones. See README, Benchmarks.
#
#   src/bench/npm-profanity/run.sh              # 10 s of timed passes per filter
#   SECONDS_PER_FILTER=30 src/bench/npm-profanity/run.sh
#
# Needs node and npm (the packages are installed into this folder at the versions pinned in package-lock.json) and
# the compiled service (compiled here unless REBUILD=0). Inputs and results land in target/npm-profanity/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.."
out=target/npm-profanity
mkdir -p "$out"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
skip_build=1
[ "${REBUILD:-1}" != 0 ] && skip_build=0
SKIP_BUILD=$skip_build MAVEN_OFFLINE=0 src/tools/run ProfanityComparison build "$out/inputs.tsv"
seconds="${SECONDS_PER_FILTER:-10}"
# Commentguard first: the table's ratios are relative to the first line.
SKIP_BUILD=1 src/tools/run ProfanityComparison measure "$out/inputs.tsv" "$seconds" > "$out/results.jsonl"
node "$here/compare.mjs" measure "$out/inputs.tsv" "$seconds" >> "$out/results.jsonl"
echo "$(nproc) cores, $(node --version), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/compare.mjs" table "$out/results.jsonl"
