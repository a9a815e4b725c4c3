package simlab.testing.property;

import java.util.Arrays;

/**
 * The choices one run of a generator made, each a non-negative long. Replaying a sequence through
 * the same generator rebuilds the same value. Sequences are ordered shortlex (shorter first, then
 * lexicographically): shrinking only ever moves to a smaller sequence, which is what makes it
 * terminate.
 */
public final class ChoiceSequence implements Comparable<ChoiceSequence> {
  private final long[] choices;

  ChoiceSequence(long[] choices) {
    this.choices = choices.clone();
  }

  public static ChoiceSequence of(long... choices) {
    for (long c : choices) {
      if (c < 0) {
        throw new IllegalArgumentException("choices are non-negative, got " + c);
      }
    }
    return new ChoiceSequence(choices);
  }

  public int size() {
    return choices.length;
  }

  public long get(int i) {
    return choices[i];
  }

  long[] toArray() {
    return choices.clone();
  }

  /** Parses the {@link #toString()} form: decimal choices separated by spaces. */
  public static ChoiceSequence parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new ChoiceSequence(new long[0]);
    }
    String[] parts = t.split("\\s+");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Long.parseLong(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "choice " + (i + 1) + " is not a number: '" + parts[i] + "'");
      }
      if (out[i] < 0) {
        throw new IllegalArgumentException("choice " + (i + 1) + " is negative: " + out[i]);
      }
    }
    return new ChoiceSequence(out);
  }

  @Override
  public int compareTo(ChoiceSequence o) {
    if (choices.length != o.choices.length) {
      return Integer.compare(choices.length, o.choices.length);
    }
    return Arrays.compare(choices, o.choices);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChoiceSequence c && Arrays.equals(choices, c.choices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(choices);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < choices.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(choices[i]);
    }
    return sb.toString();
  }
}
