#!/usr/bin/env bash
# Sourced by the other test-scripts: compiles the project when needed and sets CP to the
# test classpath, so every script runs the same classes `mvn test` runs.
set -euo pipefail
SIMLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Runs Maven quietly in the project, everything it prints on stderr and free of terminal
# escapes so that pipes and files stay clean: -B and style.color=never stop the colours
# (Maven 3.8 and 3.9), and jansi.noreset stops the ESC[0m that Maven 3.8's jansi 2 writes
# on every exit, even in batch mode.
simlab_mvn() {
  (cd "$SIMLAB_ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
    mvn -q -B -Dstyle.color=never "$@" 1>&2)
}

# Maven only runs when needs-build says an input changed since the last successful build
# (it costs 6-10 s even when there is nothing to compile). The stamp records the inputs as
# they were before the build began, so an edit made during a build triggers the next one.
simlab_build() {
  local needs="$SIMLAB_ROOT/test-scripts/needs-build" fresh=0
  "$needs" "$SIMLAB_ROOT" >/dev/null || fresh=$?
  if ((fresh != 1)); then   # 1: up to date; 0: build needed; anything else: build to be safe
    local listing
    listing="$("$needs" --listing "$SIMLAB_ROOT")" || listing=""
    rm -f "$SIMLAB_ROOT/target/build-stamp"
    simlab_mvn test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test || {
      echo "build failed (see Maven output above)" >&2
      exit 4
    }
    if [[ -n "$listing" ]]; then
      printf '%s\n' "$listing" > "$SIMLAB_ROOT/target/build-stamp"
    fi
  fi
  CP="$SIMLAB_ROOT/target/classes:$SIMLAB_ROOT/target/test-classes:$(cat "$SIMLAB_ROOT/target/classpath.txt")"
  export CP
}

simlab_java() {
  java -Xss8m -cp "$CP" "$@"
}

# For the linearizability checker (check-history, bench checker): the parallel (throughput)
# collector. Measured quietly with `bench checker` (same JVM, same files): under G1 a
# sub-millisecond check settles at 0.10-0.18 ms once a large history has been checked in the
# JVM, under the parallel collector at a tenth of that; the 102 etcd logs took 96 ms against
# 156 ms warm, files under 2x Porcupine 18 against 48. The checker is one batch computation
# with no pause-time goal, which is what that collector is for.
simlab_java_checker() {
  java -Xss8m -XX:+UseParallelGC -cp "$CP" "$@"
}

# For one short run (replay): the client compiler only and the serial collector halve
# the CPU a single test spends starting up (JIT threads, GC threads); measured on a Raft
# test and on a KV test with a history check. Sweeps and benchmarks keep the defaults,
# whose optimising compiler pays off over many seeds.
simlab_java_short() {
  java -Xss8m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" "$@"
}
