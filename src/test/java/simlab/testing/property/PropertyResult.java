package simlab.testing.property;

import java.nio.file.Path;
import java.util.Optional;

/** What running a property at one master seed (or replaying one saved case) found. */
public sealed interface PropertyResult<T> {

  String property();

  long masterSeed();

  /** Every case passed; {@code cases} ran to completion, {@code discarded} more were discarded. */
  record Passed<T>(String property, long masterSeed, int cases, int discarded)
      implements PropertyResult<T> {}

  /** Too many cases were discarded by assumptions before enough passed. */
  record GaveUp<T>(String property, long masterSeed, int cases, int discarded)
      implements PropertyResult<T> {}

  /**
   * A counterexample, shrunk: case {@code caseIndex} (seeded with {@code caseSeed}) failed; {@code
   * value} is the shrunk value, rebuilt from {@code shrunk}, failing with {@code failure}. {@code
   * saved} is the failure file, if one was written.
   */
  record Failed<T>(
      String property,
      long masterSeed,
      long caseIndex,
      long caseSeed,
      ChoiceSequence original,
      ChoiceSequence shrunk,
      T value,
      Throwable failure,
      int shrinkSteps,
      boolean shrinkBudgetUsedUp,
      Optional<Path> saved,
      String report)
      implements PropertyResult<T> {}
}
