# shellcheck shell=bash
# Sourced by the benches that run a bench class on the AWS emulator: it moves to the project root
# (as $root), finds a JDK >= 21 and provisions moto, both through the project's scripts.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit
JAVA_HOME=$(bash scripts/java-home.sh)
MOTO_SERVER_PATH=$(bash scripts/moto.sh)
export JAVA_HOME MOTO_SERVER_PATH

# Builds the project with the Maven goal given (test-compile, or package for the launcher) and prints
# the classpath of the bench classes and their test-scope dependencies; fails when either Maven run does.
bench_classpath() {
  local deps
  ./mvnw -q -B -DskipTests "$1" >&2 || return
  deps=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout) || return
  echo "target/classes:target/test-classes:$deps"
}
