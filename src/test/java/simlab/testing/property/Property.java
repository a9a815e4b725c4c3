package simlab.testing.property;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A claim about every value of a generator: the check throws (or the predicate answers false) on a
 * counterexample. Build one with {@link #forAll(Gen)}, run it with a {@link PropertyRunner} or, in
 * a test class, from a {@link PropertyTest} method.
 */
public final class Property<T> {
  /** The default number of cases; a property sets its own with {@link Builder#cases(int)}. */
  public static final int DEFAULT_CASES = 100;

  /** The default bound on shrinking: at most this many candidate cases are tried. */
  public static final int DEFAULT_SHRINK_STEPS = 2_000;

  /** The body of a property: returns normally on a good value, throws on a counterexample. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T value) throws Exception;
  }

  private final Gen<T> gen;
  private final Check<T> check;
  private final int cases;
  private final int shrinkSteps;

  private Property(Gen<T> gen, Check<T> check, int cases, int shrinkSteps) {
    this.gen = gen;
    this.check = check;
    this.cases = cases;
    this.shrinkSteps = shrinkSteps;
  }

  public static <T> Builder<T> forAll(Gen<T> gen) {
    return new Builder<>(Objects.requireNonNull(gen, "gen"));
  }

  /** Inside a check: discard this case (neither pass nor failure) unless the condition holds. */
  public static void assume(boolean condition) {
    if (!condition) {
      throw new Discard();
    }
  }

  public Gen<T> gen() {
    return gen;
  }

  Check<T> body() {
    return check;
  }

  public int cases() {
    return cases;
  }

  public int shrinkSteps() {
    return shrinkSteps;
  }

  /** Collects a property's settings; ends with its body. */
  public static final class Builder<T> {
    private final Gen<T> gen;
    private int cases = DEFAULT_CASES;
    private int shrinkSteps = DEFAULT_SHRINK_STEPS;

    private Builder(Gen<T> gen) {
      this.gen = gen;
    }

    public Builder<T> cases(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("a property needs at least 1 case, got " + n);
      }
      this.cases = n;
      return this;
    }

    public Builder<T> shrinkSteps(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("shrink steps must be >= 0, got " + n);
      }
      this.shrinkSteps = n;
      return this;
    }

    public Property<T> check(Check<T> body) {
      return new Property<>(gen, Objects.requireNonNull(body, "body"), cases, shrinkSteps);
    }

    /** A property whose body is a predicate: false is a counterexample. */
    public Property<T> holds(Predicate<? super T> predicate) {
      Objects.requireNonNull(predicate, "predicate");
      return check(
          v -> {
            if (!predicate.test(v)) {
              throw new PropertyFalsified("the property returned false");
            }
          });
    }
  }

  /** The failure of a predicate property. */
  public static final class PropertyFalsified extends AssertionError {
    private static final long serialVersionUID = 1L;

    PropertyFalsified(String message) {
      super(message);
    }
  }
}
