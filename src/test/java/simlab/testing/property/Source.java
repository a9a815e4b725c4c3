package simlab.testing.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where every generator gets its randomness, one choice at a time. A fresh source draws from a
 * seeded stream; a replaying source reads a given choice sequence (clamping a choice to the range
 * asked for, and answering 0, the simplest choice, once the sequence runs out). Either way it
 * records the choices actually made and the span of choices each {@link #draw(Gen) drawn} value
 * used, which the shrinker edits.
 */
public final class Source {
  /** A guard against a generator that never stops choosing. */
  static final int MAX_CHOICES = 200_000;

  private final SplitMix64 random;
  private final long[] prefix;
  private long[] recorded = new long[32];
  private int size;
  private final List<Span> spans = new ArrayList<>();

  /** The choices [start, end) that one drawn value was built from. */
  record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  private Source(SplitMix64 random, long[] prefix) {
    this.random = random;
    this.prefix = prefix;
  }

  static Source random(long seed) {
    return new Source(new SplitMix64(seed), new long[0]);
  }

  static Source replay(ChoiceSequence choices) {
    return new Source(null, choices.toArray());
  }

  /** A choice in [0, max]; 0 is the simplest, and shrinking moves choices toward it. */
  public long choose(long max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must be >= 0, got " + max);
    }
    long v;
    if (size < prefix.length) {
      v = Math.min(prefix[size], max);
    } else if (random != null) {
      v = random.nextLong(max);
    } else {
      v = 0;
    }
    return record(v);
  }

  /** A biased coin, recorded as 0 (false) or 1 (true); true with probability p when fresh. */
  public boolean weighted(double p) {
    long v;
    if (size < prefix.length) {
      v = prefix[size] == 0 ? 0 : 1;
    } else if (random != null) {
      v = random.nextDouble() < p ? 1 : 0;
    } else {
      v = 0;
    }
    return record(v) == 1;
  }

  /** Draws a value from a generator and remembers which choices it used. */
  public <T> T draw(Gen<T> gen) {
    int start = size;
    T value = gen.generate(this);
    if (size > start) {
      spans.add(new Span(start, size));
    }
    return value;
  }

  private long record(long v) {
    if (size == MAX_CHOICES) {
      throw new IllegalStateException(
          "a generator made more than "
              + MAX_CHOICES
              + " choices; does a list lack a maximum size?");
    }
    if (size == recorded.length) {
      recorded = Arrays.copyOf(recorded, size * 2);
    }
    recorded[size++] = v;
    return v;
  }

  ChoiceSequence choices() {
    return new ChoiceSequence(Arrays.copyOf(recorded, size));
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }
}
