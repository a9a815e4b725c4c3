package simlab.testing.property;

/**
 * The runner's random stream: SplitMix64, written out here so that a case's values depend on this
 * algorithm alone and never on a JDK's choice of generator.
 */
final class SplitMix64 {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, max], without modulo bias. */
  long nextLong(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, got " + max);
    }
    if (max == Long.MAX_VALUE) {
      return nextLong() >>> 1;
    }
    long bound = max + 1;
    long r;
    long v;
    do {
      r = nextLong() >>> 1;
      v = r % bound;
    } while (r - v + (bound - 1) < 0);
    return v;
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * The seed of case {@code index} of a property: a pure function of (master seed, property name,
   * index), so adding or renaming one property never shifts another's cases, and case i is the same
   * whatever the number of cases.
   */
  static long caseSeed(long masterSeed, String property, long index) {
    long h = mix(masterSeed ^ GOLDEN);
    for (int i = 0; i < property.length(); i++) {
      h = mix(h ^ property.charAt(i));
    }
    h = mix(h + property.length());
    return mix(h ^ mix(index + GOLDEN));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
