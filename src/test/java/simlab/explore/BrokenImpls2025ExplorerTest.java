package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer against the deliberately broken 2025 implementations it catches (README, "Broken
 * implementations: suites vs explorer"): each must fail one of seeds 1..{@code maxSeeds} of its
 * system with the default settings, with the stated property, and the failing seed must fail again
 * with the same trace hash. The bound is the measured first failing seed (rounded up a little); the
 * broken implementations the explorer does not catch are listed in the README, not here. Shrinking
 * is off here to keep the class fast ({@link Explorer2025Test} shrinks one).
 */
class BrokenImpls2025ExplorerTest {
  @TempDir Path tmp;

  /** Seeds explored side by side (the machine has two cores). */
  static final int THREADS = 2;

  record Bug(ExploredSystem system, String className, int maxSeeds, String property) {}

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
              3,
              PropertyNames.LINEARIZABILITY),
          new Bug(
              ExploredSystem.SHARDKV1,
              "simlab.shardkv1.BrokenShardKv1$NeverMaybe",
              2,
              PropertyNames.LINEARIZABILITY));

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
            bug.system().faultKinds(),
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
