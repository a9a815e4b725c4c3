package simlab.sim;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Derives independent random streams from one master seed. A stream is named ("network",
 * "node:raft-1#2", "client:3"), and its seed depends only on the master seed and the name, so
 * adding a node or a client never shifts the draws of any other stream.
 */
public final class SeedStreams {
  private final long masterSeed;

  public SeedStreams(long masterSeed) {
    this.masterSeed = masterSeed;
  }

  public long masterSeed() {
    return masterSeed;
  }

  public RandomGenerator stream(String name) {
    return new SplittableRandom(derive(masterSeed, name));
  }

  /** A pure function of (seed, name): SplitMix64 finalisation folded over the name's chars. */
  public static long derive(long seed, String name) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (int i = 0; i < name.length(); i++) {
      h = mix(h ^ name.charAt(i));
    }
    return mix(h + name.length());
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
