package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import simlab.nemesis.FaultKind;
import simlab.testing.property.Gen;
import simlab.testing.property.Property;
import simlab.testing.property.PropertyContext;
import simlab.testing.property.PropertyTest;

/**
 * The explorer against the reference implementations, on the in-house property runner: a few
 * generated seeds per system at the fixed master seed (so CI stays fast and stable), each run with
 * every check (invariant monitors, committed-in-later-leaders, liveness, linearizability,
 * durability). A failing seed is shrunk by the runner to the smallest failing seed value it finds
 * and saved for replay; the explorer's report names the property.
 */
class ExplorerProperties {
  private static Stream<DynamicTest> referencePasses(
      PropertyContext context, ExploredSystem system, boolean swarm, int cases) {
    Explorer.Settings s =
        new Explorer.Settings(
            system,
            Impls.REFERENCE,
            EnumSet.allOf(FaultKind.class),
            swarm,
            system.defaultParams(),
            0,
            Path.of("target/explore"),
            "test-scripts/explore " + system.cliName() + (swarm ? " --swarm" : ""));
    return context.run(
        Property.forAll(Gen.longs(1, 1_000_000))
            .cases(cases)
            .shrinkSteps(20)
            .check(
                seed -> {
                  SeedResult r = Explorer.runSeed(s, seed);
                  assertTrue(
                      r.passed(),
                      system.cliName()
                          + " seed "
                          + seed
                          + ": "
                          + r.result()
                          + " "
                          + r.property()
                          + ": "
                          + r.detail()
                          + "\n  replay: "
                          + r.replay());
                }));
  }

  @PropertyTest
  Stream<DynamicTest> referenceRaftPassesGeneratedSchedules(PropertyContext context) {
    return referencePasses(context, ExploredSystem.RAFT, false, 3);
  }

  @PropertyTest
  Stream<DynamicTest> referenceRaftPassesSwarmSchedules(PropertyContext context) {
    return referencePasses(context, ExploredSystem.RAFT, true, 2);
  }

  @PropertyTest
  Stream<DynamicTest> referenceKvPassesGeneratedSchedules(PropertyContext context) {
    return referencePasses(context, ExploredSystem.KV, false, 2);
  }

  @PropertyTest
  Stream<DynamicTest> referenceShardKvPassesSwarmSchedules(PropertyContext context) {
    return referencePasses(context, ExploredSystem.SHARDKV, true, 2);
  }
}
