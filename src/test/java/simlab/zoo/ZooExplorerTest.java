package simlab.zoo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import simlab.explore.ExploredSystem;
import simlab.explore.Explorer;
import simlab.explore.Impls;
import simlab.explore.SeedResult;
import simlab.harness.ImplementationKind;
import simlab.nemesis.FaultKind;

/**
 * The explorer against the zoo. For each bug it explores seeds 1, 2, ... with the default settings
 * (all fault kinds, the system's default workload): a bug it catches must fail within {@link
 * #MAX_SEEDS} seeds, and the first failing seed must shrink to at most {@link #MAX_SHRUNK_STEPS}
 * steps (the final heal included) that still fail.
 *
 * <p>Not every zoo bug is caught that fast: {@link #BLIND_SPOTS} lists those the explorer did not
 * catch within {@link #MAX_SEEDS} seeds when measured (some fail a later seed, some none of 200;
 * the README's zoo table has the numbers). For them the test asserts the opposite — that the first
 * {@link #MAX_SEEDS} seeds still pass — so the day the explorer learns to catch one, this test
 * fails and asks for the list and the README's zoo table to be updated, instead of the table
 * silently going stale.
 *
 * <p>Slow (a few minutes per bug on a loaded 2-core machine), so it is tagged {@code zoo} and left
 * out of the default {@code mvn test}; {@code test-scripts/zoo} runs it. Each bug's row (seeds to
 * the first failure, the property, the shrunk length) is appended to {@code
 * target/zoo/explorer.md}, the source of the README's zoo table.
 */
@Tag("zoo")
class ZooExplorerTest {
  /** Every zoo bug must fail one of the first this many seeds. */
  static final int MAX_SEEDS = 20;

  /** ... and its first failing seed must shrink to at most this many steps. */
  static final int MAX_SHRUNK_STEPS = 5;

  /** Candidate runs one shrink may spend. */
  static final int SHRINK_BUDGET = 120;

  /** Seeds explored side by side (the machine has two cores). */
  static final int THREADS = 2;

  static final Path OUT = Path.of("target", "zoo");

  /**
   * Bugs the explorer does not catch within {@link #MAX_SEEDS} seeds (measured over 200 seeds,
   * plain and swarm: truncating-append first fails seed 31, lazy-log-save seed 39, figure-8 only
   * swarm seed 160, the other three none), and why: the graded scenarios build the exact history
   * these need (a deposed leader holding several unreplicated entries of its term; the Figure 8
   * crash sequence; delayed duplicate InstallSnapshots; a crash within 100 ms of an
   * acknowledgement), while the explorer's clients give a cut-off leader at most one entry each and
   * its faults rarely line up.
   */
  static final java.util.Set<String> BLIND_SPOTS =
      java.util.Set.of(
          "stale-term-append",
          "figure-8",
          "truncating-append",
          "lazy-log-save",
          "snapshot-drops-log",
          "stale-snapshot");

  @TestFactory
  Stream<DynamicTest> caughtBugsFailWithinMaxSeedsAndShrinkToAHandfulOfSteps() throws IOException {
    Files.createDirectories(OUT);
    return Zoo.BUGS.stream()
        .filter(b -> !BLIND_SPOTS.contains(b.name()))
        .map(bug -> DynamicTest.dynamicTest(bug.name(), () -> explore(bug)));
  }

  @TestFactory
  Stream<DynamicTest> blindSpotsStillPassTheFirstMaxSeeds() {
    for (String name : BLIND_SPOTS) {
      assertTrue(
          Zoo.BUGS.stream().anyMatch(b -> b.name().equals(name)), "no zoo bug named " + name);
    }
    return Zoo.BUGS.stream()
        .filter(b -> BLIND_SPOTS.contains(b.name()))
        .map(
            bug ->
                DynamicTest.dynamicTest(
                    bug.name(),
                    () -> {
                      List<Long> seeds = new ArrayList<>();
                      for (long s = 1; s <= MAX_SEEDS; s++) {
                        seeds.add(s);
                      }
                      for (SeedResult r : Explorer.run(settings(bug, 0), seeds, THREADS, x -> {})) {
                        assertTrue(
                            r.passed(),
                            bug.name()
                                + " is no longer a blind spot: seed "
                                + r.seed()
                                + " "
                                + r.result()
                                + " "
                                + r.property()
                                + " ("
                                + r.detail()
                                + "); move it out of BLIND_SPOTS and update the README's zoo table");
                      }
                    }));
  }

  private static ExploredSystem systemFor(Zoo.Bug bug) {
    return bug.kind() == ImplementationKind.RAFT ? ExploredSystem.RAFT : ExploredSystem.KV;
  }

  private static Explorer.Settings settings(Zoo.Bug bug, int shrinkBudget) {
    ExploredSystem system = systemFor(bug);
    return new Explorer.Settings(
        system,
        Impls.validate(system, bug.className()),
        EnumSet.allOf(FaultKind.class),
        false,
        system.defaultParams(),
        shrinkBudget,
        OUT.resolve(bug.name()),
        "test-scripts/explore " + system.cliName() + " --impl " + bug.className());
  }

  private static void explore(Zoo.Bug bug) throws IOException {
    Explorer.Settings find = settings(bug, 0);
    SeedResult first = null;
    for (long seed = 1; seed <= MAX_SEEDS && first == null; seed += THREADS) {
      List<Long> batch = new ArrayList<>();
      for (long s = seed; s < seed + THREADS && s <= MAX_SEEDS; s++) {
        batch.add(s);
      }
      for (SeedResult r : Explorer.run(find, batch, THREADS, x -> {})) {
        if (r.failed() && first == null) {
          first = r; // results come back in seed order, so this is the lowest failing seed
        }
      }
    }
    if (first == null) {
      fail(bug.name() + " (" + bug.className() + "): no failure in seeds 1.." + MAX_SEEDS);
    }
    Files.createDirectories(OUT.resolve(bug.name()));
    SeedResult shrunk = Explorer.runSeed(settings(bug, SHRINK_BUDGET), first.seed());
    assertTrue(
        shrunk.failed(),
        bug.name() + ": seed " + first.seed() + " failed once and passed when rerun: " + shrunk);
    String row =
        "| "
            + bug.name()
            + " | "
            + first.seed()
            + " | "
            + first.property()
            + " | "
            + first.steps()
            + " → "
            + shrunk.shrunkSteps()
            + " | "
            + shrunk.property()
            + " |\n";
    Files.writeString(
        OUT.resolve("explorer.md"), row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    assertTrue(
        shrunk.shrunkSteps() >= 1 && shrunk.shrunkSteps() <= MAX_SHRUNK_STEPS,
        bug.name()
            + ": seed "
            + first.seed()
            + " shrunk to "
            + shrunk.shrunkSteps()
            + " steps (from "
            + shrunk.steps()
            + "), more than "
            + MAX_SHRUNK_STEPS
            + ": "
            + shrunk.shrunkFile());
  }
}
