package simlab.testing.property;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One {@link PropertyTest} method's view of the run: its property name, the master seeds and the
 * runner. {@link #run(Property)} turns a property into dynamic tests.
 */
public final class PropertyContext {
  private final String name;
  private final long[] seeds;
  private final PropertyRunner runner;
  private final Path replay;

  PropertyContext(String name, long[] seeds, PropertyRunner runner, Path replay) {
    this.name = name;
    this.seeds = seeds.clone();
    this.runner = runner;
    this.replay = replay;
  }

  /** The property's name, {@code Class.method}: it names its failure file and seeds its cases. */
  public String name() {
    return name;
  }

  /**
   * One dynamic test per master seed, each running all of the property's cases; or, when {@code
   * -Dsim.property.replay=FILE} names this property, one test replaying that case.
   */
  public <T> Stream<DynamicTest> run(Property<T> property) {
    if (replay != null) {
      FailureFile saved;
      try {
        saved = FailureFile.read(replay);
      } catch (FailureFile.BadFailureFile e) {
        String message = PropertyExtension.REPLAY_KEY + ": " + e.getMessage();
        return Stream.of(
            DynamicTest.dynamicTest(
                "[replay " + replay + "]",
                () -> {
                  throw new AssertionError(message);
                }));
      }
      if (saved.property().equals(name)) {
        return Stream.of(
            DynamicTest.dynamicTest(
                "[replay " + replay + "]",
                () -> verdict(runner.replay(name, property, saved, replay))));
      }
    }
    return Arrays.stream(seeds)
        .mapToObj(
            seed ->
                DynamicTest.dynamicTest(
                    "[seed " + seed + ", " + property.cases() + " cases]",
                    () -> verdict(runner.run(name, property, seed))));
  }

  private static void verdict(PropertyResult<?> result) {
    if (result instanceof PropertyResult.Failed<?> f) {
      // The report is the failure's message, so Surefire and the IDE print it in full.
      throw new AssertionError(f.report(), f.failure());
    }
    if (result instanceof PropertyResult.GaveUp<?> g) {
      throw new AssertionError(
          "property "
              + g.property()
              + " gave up at master seed "
              + g.masterSeed()
              + ": "
              + g.discarded()
              + " cases discarded by assumptions, only "
              + g.cases()
              + " passed");
    }
  }
}
