#!/usr/bin/env bash
# Cost of full scoring on realistic news comments (600-1,000 characters) through the HTTP API of the packaged
# service, embedded PostgreSQL, default settings: per-stage milliseconds per comment, POST /api/v1/comments with
# CLIENTS concurrent clients, the share of comments served with a degraded stage, and /api/v1/score at a fixed
# RATE. See NewsIngestBenchmark.java. The load generator runs on the same machine; run it with nothing else busy.
#
#   src/bench/news-bench.sh          # CLIENTS=16 SECONDS_RUN=30 RATE=10 (per second) WARM=10 SEQUENTIAL=100
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA_DIR=${DATA_DIR:-../shared/data}
# Compile the tools first, so that the build does not run beside the service.
SKIP_BUILD=${SKIP_BUILD:-0} src/tools/run NewsIngestBenchmark >/dev/null 2>&1 || true
# shellcheck source=src/bench/service.sh
. src/bench/service.sh
start_service news
SKIP_BUILD=1 JAVA_OPTS="-Dclients=${CLIENTS:-16} -Dseconds=${SECONDS_RUN:-30} -Drate=${RATE:-10} -Dwarm=${WARM:-10} -Dsequential=${SEQUENTIAL:-100}" \
  src/tools/run NewsIngestBenchmark "$BASE" "$COMMENTGUARD_ADMIN_API_KEY" "$PID" models/offtopic/data/articles \
  "$DATA_DIR/toxic-spans-civil-comments/data_comments.csv:comment_text:Civil Comments posts (toxic-spans corpus, CC0; all rated toxic)" \
  "$DATA_DIR/jigsaw-toxic-2018-train/train.csv:comment_text:Jigsaw 2018 train (CC0; about one in ten toxic)"
