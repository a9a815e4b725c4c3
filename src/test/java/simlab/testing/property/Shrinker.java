package simlab.testing.property;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a failing case by editing its choice sequence and replaying it: delete the choices of a
 * drawn value, delete small chunks, zero a drawn value, lower single choices (binary search toward
 * 0), and move amount from an earlier choice to a later one. A candidate is kept when it fails the
 * same way (same exception class) and its recorded choices are shortlex-smaller, so every kept step
 * makes progress; at most {@code maxSteps} candidates are tried, so shrinking always ends, and it
 * reads no clock.
 */
final class Shrinker<T> {
  private final Property<T> property;
  private final Class<? extends Throwable> failureKind;
  private final int maxSteps;
  private final Set<ChoiceSequence> tried = new HashSet<>(); // membership only, never iterated
  private Attempt<T> best;
  private int steps;

  Shrinker(Property<T> property, Attempt<T> failing, int maxSteps) {
    if (!failing.failed()) {
      throw new IllegalArgumentException("only a failing case can be shrunk");
    }
    this.property = property;
    this.failureKind = failing.failure().getClass();
    this.maxSteps = maxSteps;
    this.best = failing;
    tried.add(failing.choices());
  }

  Attempt<T> shrink() {
    boolean improved = true;
    while (improved && !exhausted()) {
      improved = deleteSpans();
      improved |= deleteChunks();
      improved |= zeroSpans();
      improved |= lowerChoices();
      improved |= redistribute();
    }
    return best;
  }

  int steps() {
    return steps;
  }

  boolean exhausted() {
    return steps >= maxSteps;
  }

  /** Replays a candidate; keeps it if it is smaller and still fails the same way. */
  private boolean consider(long[] candidate) {
    ChoiceSequence seq = new ChoiceSequence(candidate);
    if (exhausted() || seq.compareTo(best.choices()) >= 0 || !tried.add(seq)) {
      return false;
    }
    steps++;
    Attempt<T> a = Attempt.run(property, Source.replay(seq));
    if (a.failed()
        && a.failure().getClass() == failureKind
        && a.choices().compareTo(best.choices()) < 0) {
      best = a;
      return true;
    }
    return false;
  }

  private long[] current() {
    return best.choices().toArray();
  }

  /** Largest drawn values first: dropping a whole list element or sub-value at once. */
  private List<Source.Span> spansBySize() {
    List<Source.Span> spans = new ArrayList<>(best.spans());
    spans.sort(
        Comparator.comparingInt(Source.Span::length)
            .reversed()
            .thenComparingInt(Source.Span::start));
    return spans;
  }

  private boolean deleteSpans() {
    boolean improved = false;
    for (int i = 0; i < spansBySize().size() && !exhausted(); i++) {
      Source.Span span = spansBySize().get(i);
      if (span.end() > best.choices().size()) {
        continue;
      }
      if (consider(without(current(), span.start(), span.end()))) {
        improved = true;
        i--; // the spans changed; look at the same rank again
      }
    }
    return improved;
  }

  private boolean deleteChunks() {
    boolean improved = false;
    for (int k = 8; k >= 1; k /= 2) {
      for (int i = best.choices().size() - k; i >= 0 && !exhausted(); i--) {
        if (i + k <= best.choices().size() && consider(without(current(), i, i + k))) {
          improved = true;
        }
      }
    }
    return improved;
  }

  private boolean zeroSpans() {
    boolean improved = false;
    for (int i = 0; i < spansBySize().size() && !exhausted(); i++) {
      Source.Span span = spansBySize().get(i);
      long[] c = current();
      if (span.end() > c.length) {
        continue;
      }
      boolean nonZero = false;
      for (int j = span.start(); j < span.end(); j++) {
        nonZero |= c[j] != 0;
        c[j] = 0;
      }
      if (nonZero && consider(c)) {
        improved = true;
      }
    }
    return improved;
  }

  private boolean lowerChoices() {
    boolean improved = false;
    for (int i = 0; i < best.choices().size() && !exhausted(); i++) {
      long value = best.choices().get(i);
      if (value == 0) {
        continue;
      }
      if (tryChoice(i, 0)) {
        improved = true;
        continue;
      }
      // Binary search for the smallest value that still fails, assuming failure is monotone;
      // then a step or two below, for generators that interleave (ints around zero).
      long lo = 0;
      long hi = value;
      while (lo + 1 < hi && !exhausted()) {
        long mid = lo + (hi - lo) / 2;
        if (tryChoice(i, mid)) {
          hi = mid;
          improved = true;
        } else {
          lo = mid;
        }
      }
      for (long d = 1; d <= 2 && i < best.choices().size() && best.choices().get(i) > d; d++) {
        improved |= tryChoice(i, best.choices().get(i) - d);
      }
    }
    return improved;
  }

  private boolean tryChoice(int i, long v) {
    long[] c = current();
    if (i >= c.length) {
      return false;
    }
    c[i] = v;
    return consider(c);
  }

  /** Moves amount from choice i to choice i + gap: [50, 50] -> [0, 100], then 0 is deleted. */
  private boolean redistribute() {
    boolean improved = false;
    for (int gap = 1; gap <= 4; gap++) {
      for (int i = 0; i + gap < best.choices().size() && !exhausted(); i++) {
        long from = best.choices().get(i);
        if (from == 0) {
          continue;
        }
        if (tryMove(i, i + gap, from)) {
          improved = true;
          continue;
        }
        long lo = 0;
        long hi = from;
        while (lo + 1 < hi && !exhausted()) {
          long mid = lo + (hi - lo) / 2;
          if (tryMove(i, i + gap, mid)) {
            lo = mid;
            improved = true;
            break; // the choices moved under us; the next index continues from the new best
          } else {
            hi = mid;
          }
        }
      }
    }
    return improved;
  }

  private boolean tryMove(int i, int j, long amount) {
    long[] c = current();
    if (j >= c.length || c[i] < amount || c[j] > Long.MAX_VALUE - amount) {
      return false;
    }
    c[i] -= amount;
    c[j] += amount;
    return consider(c);
  }

  private static long[] without(long[] c, int from, int to) {
    long[] out = new long[c.length - (to - from)];
    System.arraycopy(c, 0, out, 0, from);
    System.arraycopy(c, to, out, from, c.length - to);
    return out;
  }
}
