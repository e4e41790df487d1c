#!/usr/bin/env bash
# Kill -9 during sustained ingestion, then restart on the same data: see Kill9DurabilityTest.
exec env TESTS=Kill9DurabilityTest "$(dirname "$0")/long-tests.sh" "$@"
