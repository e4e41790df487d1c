#!/usr/bin/env bash
# The long tests (not part of the default build): kill -9 during ingestion, the database gone under load, two
# instances on one PostgreSQL (these two need a PostgreSQL, default 127.0.0.1:5432, and skip themselves without),
# and a soak of mixed traffic (5 minutes by default, embedded PostgreSQL).
#
#   src/bench/long-tests.sh                          # all four
#   TESTS=Kill9DurabilityTest src/bench/long-tests.sh
#   SCALEOUT_POSTGRES=db.internal:5432 src/bench/long-tests.sh
#   TESTS=SoakTest SOAK_MINUTES=30 SOAK_SCALE=2 src/bench/long-tests.sh   # longer, at twice the offered rates
#
# The tests start target/quarkus-app/quarkus-run.jar as child processes on loopback ports, so the service is packaged
# first (REBUILD=0 keeps an existing package). Logs of the child services land in target/hardening/.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${REBUILD:-1}" != 0 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
./mvnw -B test -Dcommentguard.long-tests=true \
  -Dtest="${TESTS:-Kill9DurabilityTest,DatabaseOutageTest,TwoInstancesTest,SoakTest}" \
  -Dcommentguard.scaleout.postgres="${SCALEOUT_POSTGRES:-127.0.0.1:5432}" \
  -Dcommentguard.soak.minutes="${SOAK_MINUTES:-5}" -Dcommentguard.soak.scale="${SOAK_SCALE:-1.0}" \
  -Dsurefire.failIfNoSpecifiedTests=false
