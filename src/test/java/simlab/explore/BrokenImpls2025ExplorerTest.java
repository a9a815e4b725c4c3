package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import simlab.nemesis.FaultKind;

/**
 * The explorer against the deliberately broken 2025 implementations it catches (README, "Broken
 * implementations: suites vs explorer"): each must fail one of seeds 1..{@code maxSeeds} of its
 * system with the default settings (or the stated fault kinds), with the stated property, and the
 * failing seed must fail again with the same trace hash. The bound is the measured first failing
 * seed (rounded up a little); the broken implementations the explorer does not catch are listed in
 * the README, not here. Shrinking is off here to keep the class fast ({@link Explorer2025Test}
 * shrinks one).
 */
class BrokenImpls2025ExplorerTest {
  @TempDir Path tmp;

  /** Seeds explored side by side (the machine has two cores). */
  static final int THREADS = 2;

  /**
   * A broken implementation caught within seeds 1..{@code maxSeeds} of its system under {@code
   * faults} (null: every kind the system offers, the default).
   */
  record Bug(
      ExploredSystem system,
      String className,
      int maxSeeds,
      String property,
      Set<FaultKind> faults) {
    Bug(ExploredSystem system, String className, int maxSeeds, String property) {
      this(system, className, maxSeeds, property, null);
    }

    Set<FaultKind> kinds() {
      return faults == null ? system.faultKinds() : faults;
    }
  }

  /** Only the controller cut: the three mistakes below show only when a controller is cut off. */
  static final Set<FaultKind> CUT = EnumSet.of(FaultKind.CTRLER_CUT);

  static final List<Bug> BUGS =
      List.of(
          new Bug(
              ExploredSystem.KVSRV1,
              "simlab.kvsrv1.NoVersionCheckKvSrv1",
              1,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.KVSRV1,
              "simlab.kvsrv1.NoMaybeKvSrv1",
              8,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.KVRAFT1,
              "simlab.kvraft1.ZooLocalReadKvRaft1",
              2,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.KVRAFT1,
              "simlab.kvraft1.ZooNoMaybeKvRaft1",
              2,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.KVRAFT1,
              "simlab.rsm.ZooIndexOnlyRsmFactory",
              16,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.BrokenShardKv1$ServeFrozen",
              1,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.BrokenShardKv1$NeverMaybe",
              2,
              PropertyNames.LINEARIZABILITY),
          // With every kind (the default) at seed 3: one cut, shrunk to it alone.
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.BrokenShardKv1$RepublishTarget",
              3,
              CtrlerTakeover.PROPERTY),
          // The published configuration names groups that never got their shards.
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.BrokenShardKv1$PublishFirst",
              1,
              PropertyNames.LIVENESS,
              CUT),
          // The successor repeats the cut-off controller's InstallShard over newer writes.
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.shardgrp.ReinstallShardKv1",
              1,
              PropertyNames.LINEARIZABILITY,
              CUT));

  @TestFactory
  Stream<DynamicTest> eachCaughtBrokenImplementationFailsWithinItsStatedSeeds() {
    return BUGS.stream()
        .map(
            b ->
                DynamicTest.dynamicTest(
                    b.system().cliName() + " " + b.className(), () -> explore(b)));
  }

  private void explore(Bug bug) {
    Explorer.Settings s =
        new Explorer.Settings(
            bug.system(),
            Impls.validate(bug.system(), bug.className()),
            bug.kinds(),
            false,
            bug.system().defaultParams(),
            0,
            tmp,
            "test-scripts/explore " + bug.system().cliName() + " --impl " + bug.className());
    SeedResult first = null;
    for (long seed = 1; seed <= bug.maxSeeds() && first == null; seed += THREADS) {
      List<Long> batch = new ArrayList<>();
      for (long x = seed; x < seed + THREADS && x <= bug.maxSeeds(); x++) {
        batch.add(x);
      }
      for (SeedResult r : Explorer.run(s, batch, THREADS, x -> {})) {
        if (first == null && r.failed()) {
          first = r;
        }
      }
    }
    assertTrue(
        first != null,
        bug.className() + " passed every one of seeds 1-" + bug.maxSeeds() + " of the explorer");
    assertEquals(bug.property(), first.property(), first.detail());
    Outcome again = ExploreRun.run(Explorer.specFor(s, first.seed()), null);
    assertEquals(first.traceHash(), again.traceHash(), "the failing seed replays exactly");
    assertTrue(again.fails(first.property()), again.toString());
  }
}
