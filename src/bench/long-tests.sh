#!/usr/bin/env bash
# The long tests (not part of the default build): kill -9 during ingestion, the database gone under load, and two
# instances on one PostgreSQL (the last two need a PostgreSQL, default 127.0.0.1:5432, and skip themselves without).
#
#   src/bench/long-tests.sh                          # all three
#   TESTS=Kill9DurabilityTest src/bench/long-tests.sh
#   SCALEOUT_POSTGRES=db.internal:5432 src/bench/long-tests.sh
#
# The tests start target/quarkus-app/quarkus-run.jar as child processes on loopback ports, so the service is packaged
# first (REBUILD=0 keeps an existing package). Logs of the child services land in target/hardening/.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${REBUILD:-1}" != 0 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -DskipTests package
fi
./mvnw -B test -Dcommentguard.long-tests=true -Dtest="${TESTS:-Kill9DurabilityTest,DatabaseOutageTest,TwoInstancesTest}" \
  -Dcommentguard.scaleout.postgres="${SCALEOUT_POSTGRES:-127.0.0.1:5432}" -Dsurefire.failIfNoSpecifiedTests=false
