#!/usr/bin/env bash
# Sourced by the other test-scripts: compiles the project (incrementally) and sets CP
# to the test classpath, so every script runs the same classes `mvn test` runs.
set -euo pipefail
SIMLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

simlab_build() {
  (cd "$SIMLAB_ROOT" && mvn -q -B test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test 1>&2) || {
    echo "build failed (see Maven output above)" >&2
    exit 4
  }
  CP="$SIMLAB_ROOT/target/classes:$SIMLAB_ROOT/target/test-classes:$(cat "$SIMLAB_ROOT/target/classpath.txt")"
  export CP
}

simlab_java() {
  java -Xss8m -cp "$CP" "$@"
}
