package simlab.testing.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A generator: builds a value from the choices of a {@link Source}. Because a generator only ever
 * reads choices, replaying a smaller choice sequence yields a smaller value, so every generator
 * composed from these, records included, shrinks with no code of its own. Build a record as a
 * lambda: {@code s -> new Point(s.draw(xs), s.draw(ys))}.
 */
@FunctionalInterface
public interface Gen<T> {

  T generate(Source source);

  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return s -> f.apply(s.draw(this));
  }

  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return s -> s.draw(f.apply(s.draw(this)));
  }

  /**
   * Lists of minSize to maxSize elements. Each element after the first minSize is preceded by a
   * "one more" coin, so deleting an element's choices deletes the element, and zeroing a coin ends
   * the list there. Sizes average about half-way, at most 25 above minSize.
   */
  default Gen<List<T>> list(int minSize, int maxSize) {
    if (minSize < 0 || maxSize < minSize) {
      throw new IllegalArgumentException(
          "list sizes must satisfy 0 <= min <= max, got " + minSize + ".." + maxSize);
    }
    double mean = Math.min((maxSize - minSize) / 2.0, 25.0);
    double more = mean / (mean + 1);
    Gen<T> element = this;
    return s -> {
      List<T> out = new ArrayList<>();
      while (out.size() < maxSize) {
        if (out.size() < minSize) {
          out.add(s.draw(element));
          continue;
        }
        // The coin and the element form one span, so deleting it removes exactly one element.
        Gen<Boolean> next =
            src -> {
              if (!src.weighted(more)) {
                return false;
              }
              out.add(src.draw(element));
              return true;
            };
        if (!s.draw(next)) {
          break;
        }
      }
      return out;
    };
  }

  static <T> Gen<T> constant(T value) {
    return s -> value;
  }

  /** Integers in [min, max], shrinking toward 0 (or toward the bound nearest 0). */
  static Gen<Integer> ints(int min, int max) {
    Gen<Long> longs = longs(min, max);
    return s -> (int) (long) s.draw(longs);
  }

  /** Longs in [min, max], shrinking toward 0 (or toward the bound nearest 0). */
  static Gen<Long> longs(long min, long max) {
    if (max < min) {
      throw new IllegalArgumentException("empty range " + min + ".." + max);
    }
    long span = max - min;
    if (span < 0) {
      throw new IllegalArgumentException(
          "range " + min + ".." + max + " is wider than Long.MAX_VALUE");
    }
    return s -> fromChoice(s.choose(span), min, max);
  }

  /**
   * Maps choice c in [0, max - min] to a value: 0 goes to the value nearest zero, then the values
   * alternate above and below it (1, -1, 2, -2, ...), so a smaller choice is a value nearer zero.
   */
  static long fromChoice(long c, long min, long max) {
    long origin = min > 0 ? min : (max < 0 ? max : 0);
    long up = max - origin;
    long down = origin - min;
    long pairs = Math.min(up, down);
    if (c <= 2 * pairs) {
      return c % 2 == 1 ? origin + (c + 1) / 2 : origin - c / 2;
    }
    long rest = c - 2 * pairs;
    return up > down ? origin + pairs + rest : origin - pairs - rest;
  }

  static Gen<Boolean> booleans() {
    return s -> s.choose(1) == 1;
  }

  /** One of the given values, shrinking toward the first. */
  static <T> Gen<T> elements(List<T> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("elements() needs at least one value");
    }
    List<T> copy = List.copyOf(values);
    return s -> copy.get((int) s.choose(copy.size() - 1));
  }

  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    return elements(Arrays.asList(values));
  }

  static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
    return elements(type.getEnumConstants());
  }

  /** A value from one of the generators, shrinking toward the first. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> copy = List.of(gens);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("oneOf() needs at least one generator");
    }
    return s -> s.draw(copy.get((int) s.choose(copy.size() - 1)));
  }

  /** Characters in [lo, hi], shrinking toward lo. */
  static Gen<Character> chars(char lo, char hi) {
    Gen<Integer> codes = ints(lo, hi);
    return s -> (char) (int) s.draw(codes);
  }

  static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    return chars
        .list(minLength, maxLength)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder(cs.size());
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  static <A, B, R> Gen<R> combine(
      Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    return s -> f.apply(s.draw(a), s.draw(b));
  }
}
