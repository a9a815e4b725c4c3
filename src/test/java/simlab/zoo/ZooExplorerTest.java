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
 * (all fault kinds, the system's default workload): every bug must fail within {@link #MAX_SEEDS}
 * seeds, and the first failing seed must shrink to at most {@link #MAX_SHRUNK_STEPS} steps (the
 * final heal included) that still fail with the same property.
 *
 * <p>About 20 s on two quiet cores, so the default {@code mvn test} runs it; it keeps the tag
 * {@code zoo} so that {@code test-scripts/zoo} can run it alone. Each bug's row (seeds to the first
 * failure, the property, the shrunk length) is appended to {@code target/zoo/explorer.md}, started
 * afresh by each run, the source of the README's zoo table.
 */
@Tag("zoo")
class ZooExplorerTest {
  /** Every zoo bug must fail one of the first this many seeds. */
  static final int MAX_SEEDS = 40;

  /** ... and its first failing seed must shrink to at most this many steps. */
  static final int MAX_SHRUNK_STEPS = 6;

  /** Candidate runs one shrink may spend. */
  static final int SHRINK_BUDGET = 120;

  /** Seeds explored side by side (the machine has two cores). */
  static final int THREADS = 2;

  static final Path OUT = Path.of("target", "zoo");

  @TestFactory
  Stream<DynamicTest> everyBugFailsWithinMaxSeedsAndShrinksToAHandfulOfSteps() throws IOException {
    Files.createDirectories(OUT);
    // one table per run: rows are appended as the dynamic tests finish
    Files.deleteIfExists(OUT.resolve("explorer.md"));
    assertTrue(Zoo.BUGS.size() >= 8, "the zoo needs at least eight bugs");
    return Zoo.BUGS.stream().map(bug -> DynamicTest.dynamicTest(bug.name(), () -> explore(bug)));
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
