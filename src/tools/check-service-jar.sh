#!/usr/bin/env bash
# Fails when the packaged service jar (target/quarkus-app/app/*.jar, from ./mvnw package) carries any class of
# the offline tools in src/tools/java, or any class in a training/tools package. .ci/run calls it after verify.
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=$(ls target/quarkus-app/app/*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { echo "check-service-jar: no target/quarkus-app/app/*.jar: run ./mvnw package first" >&2; exit 1; }
entries=$(jar tf "$jar" | grep '\.class$')
tool_classes=$(cd src/tools/java && find . -name '*.java' | sed 's|^\./||; s|\.java$||' | sort)
[ -n "$tool_classes" ] || { echo "check-service-jar: no tool sources under src/tools/java" >&2; exit 1; }

found=$(
  while read -r c; do
    printf '%s\n' "$entries" | grep -E "^${c//\$/\\\$}(\\\$.*)?\.class$" || true
  done <<< "$tool_classes"
  printf '%s\n' "$entries" | grep -E '/(training|tools)/|Benchmark[^/]*\.class$' || true
)
if [ -n "$found" ]; then
  echo "check-service-jar: $jar carries tool classes:" >&2
  printf '%s\n' "$found" | sort -u | sed 's/^/  /' >&2
  exit 1
fi
echo "check-service-jar: $jar has $(printf '%s\n' "$entries" | wc -l) classes and none of the $(printf '%s\n' "$tool_classes" | wc -l) tool sources"
