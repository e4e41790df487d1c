#!/usr/bin/env bash
# Runs test classes in a JVM under qemu-user as another x86 CPU (default: Haswell, AVX2 without AVX-512 or VNNI), so
# the tests that depend on the int8 models' numbers can be checked on the other kind of CPU than the machine's own.
# Slow: minutes per model-dependent class.
#
#   src/bench/emulated-tests.sh 'TransformerToxicityModelTest,OffTopicSeedThreadTest'
#   EMULATE=Haswell src/bench/emulated-tests.sh 'MiniLmEmbedderReproducibilityTest'
set -euo pipefail
cd "$(dirname "$0")/../.."
TESTS="${1:?usage: src/bench/emulated-tests.sh 'TestClass[,TestClass...]'}"
command -v qemu-x86_64 >/dev/null || { echo "needs qemu-user (apt-get install qemu-user)" >&2; exit 2; }
JAVA="$(readlink -f "$(command -v java)")"
WRAPPER="$(mktemp -d)/bin/java"
mkdir -p "$(dirname "$WRAPPER")"
# Surefire starts "$WRAPPER" with the forked JVM's arguments; C1 only and the serial collector keep emulation quicker.
cat > "$WRAPPER" <<WRAP
#!/usr/bin/env bash
exec qemu-x86_64 -cpu "${EMULATE:-Haswell}" "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "\$@" 2> >(grep -v "TCG doesn't support" >&2)
WRAP
chmod +x "$WRAPPER"
./mvnw -B -o surefire:test@default-test -Djvm="$WRAPPER" -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.timeout=0
