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
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
export COMMENTGUARD_ADMIN_API_KEY="cg_platform_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_HOST=127.0.0.1
DATA=$(mktemp -d -t commentguard-coral-bench-XXXXXX)
export COMMENTGUARD_DB_EMBEDDED_DATA_DIR=$DATA
mkdir -p target/bench
LOG=target/bench/coral-service.log
java -Xmx2g -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
PID=$!
cleanup() {
  kill "$PID" 2>/dev/null && for _ in $(seq 60); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 180); do
  curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { echo "service died, see $LOG"; exit 1; }
  sleep 1
done
echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dmax="${MAX:-2147483647}" src/bench/CoralPhaseBench.java "$BASE" "$COMMENTGUARD_ADMIN_API_KEY" "$RATE" "$SECONDS_AT_RATE" \
  "$DATA_DIR/toxic-spans-civil-comments/data_comments.csv:comment_text:Civil Comments (toxic-spans corpus)" \
  "$DATA_DIR/kaggle-insults-impermium/test_with_solutions.csv:Comment:Kaggle insults test"
# Where the time went: mean milliseconds per comment of each scorer over the whole run (warm-up included).
curl -fs "$BASE/q/metrics" | awk '
  function scorer() { match($0, /scorer="[^"]*"/); return substr($0, RSTART + 8, RLENGTH - 9) }
  /^commentguard_scoring_duration_seconds_count/ { n[scorer()] = $2 }
  /^commentguard_scoring_duration_seconds_sum/   { t[scorer()] = $2 }
  END { for (s in n) if (n[s] > 0) printf "   scorer %-10s %6.1f ms mean over %d comments\n", s, 1000 * t[s] / n[s], n[s] }' | sort
