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
# collector with a fixed 32 MB young generation. The 0.1-0.2 ms "floor" of a tiny check was
# page faults, not the search: on this VM (Firecracker with free page reporting) a first
# touch of a heap page costs about 20 us, a 80-operation etcd check allocates about 29 KB
# (7 pages), and whenever the collector grew or moved eden (G1 regions, or the parallel
# collector's adaptive sizing) the next fill of eden faulted page by page again: etcd_014
# alternated between 150 us and 9 us of CPU per check in one JVM, in step with the GC log.
# A fixed young generation is touched once and then reused. The old generation still grows
# up to the default maximum heap, so large histories are unaffected.
simlab_java_checker() {
  java -Xss8m -XX:+UseParallelGC -Xmn32m -XX:-UseAdaptiveSizePolicy -cp "$CP" "$@"
}

# For one short run (replay): the client compiler only and the serial collector halve
# the CPU a single test spends starting up (JIT threads, GC threads); measured on a Raft
# test and on a KV test with a history check. Sweeps and benchmarks keep the defaults,
# whose optimising compiler pays off over many seeds.
simlab_java_short() {
  java -Xss8m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" "$@"
}
