package simlab.nemesis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What a generated schedule looks like: the fault kinds with their relative rates (weights), how
 * many faults, the mean gap between fault starts, and the range of fault durations. The final heal
 * comes after every fault has run its course.
 */
public record GeneratorConfig(
    Map<FaultKind, Integer> weights,
    int minFaults,
    int maxFaults,
    long meanGapMs,
    long minForMs,
    long maxForMs) {
  public GeneratorConfig {
    EnumMap<FaultKind, Integer> w = new EnumMap<>(FaultKind.class);
    for (Map.Entry<FaultKind, Integer> e : weights.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("weight of " + e.getKey().cliName() + " must be >= 0");
      }
      if (e.getValue() > 0) {
        w.put(e.getKey(), e.getValue());
      }
    }
    if (w.isEmpty()) {
      throw new IllegalArgumentException("at least one fault kind needs a positive weight");
    }
    if (minFaults < 0 || maxFaults < minFaults) {
      throw new IllegalArgumentException(
          "need 0 <= minFaults <= maxFaults, got " + minFaults + ".." + maxFaults);
    }
    if (meanGapMs < 1 || minForMs < 1 || maxForMs < minForMs) {
      throw new IllegalArgumentException("need meanGapMs >= 1 and 1 <= minForMs <= maxForMs");
    }
    weights = Collections.unmodifiableMap(w);
  }

  /**
   * Every {@linkplain FaultKind#generic() generic} kind at weight 1, 4 to 10 faults about 700 ms
   * apart, each lasting 200 ms to 2 s.
   */
  public static GeneratorConfig defaults() {
    return of(FaultKind.generic());
  }

  /** {@link #defaults()} restricted to {@code kinds}. */
  public static GeneratorConfig of(Set<FaultKind> kinds) {
    EnumMap<FaultKind, Integer> w = new EnumMap<>(FaultKind.class);
    for (FaultKind k : kinds) {
      w.put(k, 1);
    }
    return new GeneratorConfig(w, 4, 10, 700, 200, 2000);
  }

  public GeneratorConfig withFaults(int min, int max) {
    return new GeneratorConfig(weights, min, max, meanGapMs, minForMs, maxForMs);
  }

  public GeneratorConfig withTiming(long meanGap, long minFor, long maxFor) {
    return new GeneratorConfig(weights, minFaults, maxFaults, meanGap, minFor, maxFor);
  }
}
