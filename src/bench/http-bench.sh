#!/usr/bin/env bash
# HTTP benchmark of /api/v1/score and /api/v1/comments against a locally started service (loopback only).
#
#   src/bench/http-bench.sh                  # embedded PostgreSQL in a temporary directory
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test QUARKUS_DATASOURCE_USERNAME=postgres \
#     src/bench/http-bench.sh                # an external PostgreSQL (its schema is migrated, nothing is dropped)
#
# Environment: DURATION (per wrk run, default 20s), CONNECTIONS (default "4 16"), RATE_SCORE (default 50),
# RATE_COMMENTS (default 150), SKIP_WRK=1 / SKIP_FIXED=1 to leave a part out. Installs wrk from Debian when missing,
# packages the service when target/quarkus-app is missing, and stops everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-"4 16"}
RATE_SCORE=${RATE_SCORE:-50}
RATE_COMMENTS=${RATE_COMMENTS:-150}
FIXED_SECONDS=${FIXED_SECONDS:-20}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
fi
# shellcheck source=src/bench/service.sh
. src/bench/service.sh
start_service http
DB=$SERVICE_DB

json() { curl -fsS -H "Content-Type: application/json" "$@"; }
SITE=$(json -H "X-Api-Key: $COMMENTGUARD_ADMIN_API_KEY" -d '{"name":"Benchmark"}' "$BASE/api/v1/sites")
SITE_ID=$(jq -r .site.id <<<"$SITE")
ADMIN=$(jq -r .adminKey.key <<<"$SITE")
export CG_KEY
CG_KEY=$(json -H "X-Api-Key: $ADMIN" -d '{"role":"ingest","label":"bench"}' "$BASE/api/v1/sites/$SITE_ID/keys" | jq -r .key)
export CG_ARTICLE="bench-$(date +%s)"
json -X PUT -H "X-Api-Key: $CG_KEY" "$BASE/api/v1/articles/$CG_ARTICLE" -d '{"title":"Council approves tram line",
  "body":"The city council approved the new tram line on Tuesday after a long debate about costs. Construction starts next spring and the line should open in three years. Opponents say the budget is unrealistic."}' >/dev/null

# Cumulative counts of comments the toxicity transformer refined / skipped while busy (Prometheus counters).
cascade() {
  local m
  m=$(curl -fs "$BASE/q/metrics")
  echo "   cascade so far: refined $(grep -E 'commentguard_scoring_reasons_total\{.*reason="toxicity.refined"' <<<"$m" | awk '{s+=$2} END {print s+0}'),"\
    "skipped while busy $(grep -E 'commentguard_scoring_reasons_total\{.*reason="toxicity.refine_skipped_busy"' <<<"$m" | awk '{s+=$2} END {print s+0}')"
}

echo "== $(date -u +%FT%TZ) $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(java -version 2>&1 | head -1), $DB"
echo "== warm-up (10 s of /api/v1/score, not reported)"
wrk -t2 -c4 -d10s -s src/bench/score.lua "$BASE" >/dev/null

if [ -z "${SKIP_WRK:-}" ]; then
  for c in $CONNECTIONS; do
    echo "== wrk /api/v1/score, $c connections, $DURATION"
    wrk -t2 -c"$c" -d"$DURATION" --latency -s src/bench/score.lua "$BASE"
    cascade
  done
  for c in $CONNECTIONS; do
    echo "== wrk /api/v1/comments (persisted), $c connections, $DURATION"
    CG_RUN="w$c-$(date +%s)" wrk -t2 -c"$c" -d"$DURATION" --latency -s src/bench/comments.lua "$BASE"
    cascade
  done
fi
if [ -z "${SKIP_FIXED:-}" ]; then
  echo "== fixed rate (open loop, latency from the scheduled send time)"
  java src/bench/FixedRateLoad.java "$BASE" "$CG_KEY" "$RATE_SCORE" "$FIXED_SECONDS" score
  cascade
  java src/bench/FixedRateLoad.java "$BASE" "$CG_KEY" "$RATE_COMMENTS" "$FIXED_SECONDS" comments "$CG_ARTICLE"
  cascade
fi
echo "== stored comments: $(curl -fs -H "X-Api-Key: $ADMIN" "$BASE/api/v1/stats?days=1" | jq -c '.' | head -c 400)"
