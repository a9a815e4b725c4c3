package simlab.testing.property;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a property's cases at one master seed, shrinks the first failure and saves it as a
 * replayable failure file; or replays a saved file. Decisions depend on the seed and the property
 * alone: no clock, no shared state.
 */
public final class PropertyRunner {
  /** Where failure files go unless {@code -Dsim.property.failures=DIR} says otherwise. */
  public static final String DEFAULT_FAILURE_DIR = "target/property-failures";

  /** How many discarded cases per wanted case before the runner gives up. */
  static final int DISCARDS_PER_CASE = 10;

  private final Optional<Path> failureDir;

  /** A runner that saves failures under {@code failureDir}. */
  public PropertyRunner(Path failureDir) {
    this.failureDir = Optional.of(failureDir);
  }

  private PropertyRunner() {
    this.failureDir = Optional.empty();
  }

  /** A runner that reports failures but writes no files. */
  public static PropertyRunner withoutSaving() {
    return new PropertyRunner();
  }

  /** The seed of case {@code index} of the named property at a master seed. */
  public static long caseSeed(long masterSeed, String property, long index) {
    return SplitMix64.caseSeed(masterSeed, property, index);
  }

  /** The value case {@code index} of a property draws, without checking it. */
  public static <T> T generate(Gen<T> gen, long masterSeed, String property, long index) {
    return Source.random(caseSeed(masterSeed, property, index)).draw(gen);
  }

  /** The value a choice sequence builds. */
  public static <T> T replayValue(Gen<T> gen, ChoiceSequence choices) {
    return Source.replay(choices).draw(gen);
  }

  public <T> PropertyResult<T> run(String name, Property<T> property, long masterSeed) {
    int passed = 0;
    int discarded = 0;
    long maxDiscards = (long) property.cases() * DISCARDS_PER_CASE;
    for (long index = 0; passed < property.cases(); index++) {
      long caseSeed = caseSeed(masterSeed, name, index);
      Attempt<T> attempt = Attempt.run(property, Source.random(caseSeed));
      if (attempt.failed()) {
        return shrinkAndSave(name, property, masterSeed, index, caseSeed, attempt);
      }
      if (!attempt.discarded()) {
        passed++;
      } else if (++discarded > maxDiscards) {
        return new PropertyResult.GaveUp<>(name, masterSeed, passed, discarded);
      }
    }
    return new PropertyResult.Passed<>(name, masterSeed, passed, discarded);
  }

  /** Replays a saved case exactly (no new shrinking, no file written). */
  public <T> PropertyResult<T> replay(
      String name, Property<T> property, FailureFile saved, Path file) {
    if (!saved.property().equals(name)) {
      throw new IllegalArgumentException(
          file + " is a failure of " + saved.property() + ", not of " + name);
    }
    Attempt<T> attempt = Attempt.run(property, Source.replay(saved.choices()));
    if (attempt.discarded()) {
      return new PropertyResult.GaveUp<>(name, saved.masterSeed(), 0, 1);
    }
    if (!attempt.failed()) {
      return new PropertyResult.Passed<>(name, saved.masterSeed(), 1, 0);
    }
    String report =
        "property "
            + name
            + ": the saved case "
            + file
            + " still fails"
            + " (case "
            + saved.caseIndex()
            + " at master seed "
            + saved.masterSeed()
            + ")\n"
            + "  counterexample: "
            + attempt.value()
            + "\n"
            + "  failure: "
            + attempt.failure();
    return new PropertyResult.Failed<>(
        name,
        saved.masterSeed(),
        saved.caseIndex(),
        saved.caseSeed(),
        saved.choices(),
        attempt.choices(),
        attempt.value(),
        attempt.failure(),
        0,
        false,
        Optional.of(file),
        report);
  }

  private <T> PropertyResult<T> shrinkAndSave(
      String name,
      Property<T> property,
      long masterSeed,
      long index,
      long caseSeed,
      Attempt<T> original) {
    Shrinker<T> shrinker = new Shrinker<>(property, original, property.shrinkSteps());
    Attempt<T> shrunk = shrinker.shrink();
    StringBuilder report = new StringBuilder();
    report
        .append("property ")
        .append(name)
        .append(" failed at case ")
        .append(index)
        .append(" (master seed ")
        .append(masterSeed)
        .append(", case seed 0x")
        .append(Long.toUnsignedString(caseSeed, 16))
        .append(")\n");
    report.append("  counterexample: ").append(shrunk.value()).append('\n');
    report
        .append("  shrunk from ")
        .append(original.choices().size())
        .append(" to ")
        .append(shrunk.choices().size())
        .append(" choices in ")
        .append(shrinker.steps())
        .append(" steps")
        .append(
            shrinker.exhausted() ? " (the shrink budget ran out; a smaller case may exist)" : "")
        .append('\n');
    report.append("  failure: ").append(shrunk.failure()).append('\n');
    Optional<Path> saved = Optional.empty();
    if (failureDir.isPresent()) {
      Path file = failureDir.get().resolve(FailureFile.fileName(name));
      String command = replayCommand(name, file);
      FailureFile ff = new FailureFile(name, masterSeed, index, caseSeed, shrunk.choices());
      try {
        ff.write(
            file,
            List.of(
                "replay: " + command, "value: " + shrunk.value(), "failure: " + shrunk.failure()));
        saved = Optional.of(file);
        report.append("  saved: ").append(file).append('\n');
        report.append("  replay: ").append(command);
      } catch (IOException e) {
        report.append("  could not save the failure file ").append(file).append(": ").append(e);
      }
    } else {
      report.append("  choices: ").append(shrunk.choices());
    }
    return new PropertyResult.Failed<>(
        name,
        masterSeed,
        index,
        caseSeed,
        original.choices(),
        shrunk.choices(),
        shrunk.value(),
        shrunk.failure(),
        shrinker.steps(),
        shrinker.exhausted(),
        saved,
        report.toString());
  }

  /** {@code Class.method} runs as {@code -Dtest='Class#method'}. */
  static String replayCommand(String property, Path file) {
    int dot = property.lastIndexOf('.');
    String selector =
        dot < 0 ? property : property.substring(0, dot) + "#" + property.substring(dot + 1);
    return "mvn -q -B test -Dtest='" + selector + "' -Dsim.property.replay=" + file;
  }
}
