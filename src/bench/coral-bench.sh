#!/usr/bin/env bash
# Latency of the Coral External Moderation Phase endpoint on 600–1,000-character comments, against a locally
# started service (loopback only, embedded PostgreSQL in a temporary directory). See CoralPhaseBench.java.
#
#   src/bench/coral-bench.sh   # RATE (default 10 comments/s) for RATE_SECONDS (default 20) after the sequential run;
#                              # MAX (default all) comments per set one at a time
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${RATE:-10}
SECONDS_AT_RATE=${RATE_SECONDS:-20}   # not SECONDS: bash counts its own run time in that variable
DATA_DIR=${DATA_DIR:-../shared/data}
# shellcheck source=src/bench/service.sh
. src/bench/service.sh
start_service coral
java -Dmax="${MAX:-2147483647}" src/bench/CoralPhaseBench.java "$BASE" "$COMMENTGUARD_ADMIN_API_KEY" "$RATE" "$SECONDS_AT_RATE" \
  "$DATA_DIR/toxic-spans-civil-comments/data_comments.csv:comment_text:Civil Comments (toxic-spans corpus)" \
  "$DATA_DIR/kaggle-insults-impermium/test_with_solutions.csv:Comment:Kaggle insults test"
# Where the time went: mean milliseconds per comment of each scorer over the whole run (warm-up included).
curl -fs "$BASE/q/metrics" | awk '
  function scorer() { match($0, /scorer="[^"]*"/); return substr($0, RSTART + 8, RLENGTH - 9) }
  /^commentguard_scoring_duration_seconds_count/ { n[scorer()] = $2 }
  /^commentguard_scoring_duration_seconds_sum/   { t[scorer()] = $2 }
  END { for (s in n) if (n[s] > 0) printf "   scorer %-10s %6.1f ms mean over %d comments\n", s, 1000 * t[s] / n[s], n[s] }' | sort
