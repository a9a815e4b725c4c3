package simlab.linearizability.model;

/**
 * The value of one key as the KV model's search state: a chain of appended pieces (a persistent
 * rope) with its length and a polynomial hash kept up to date.
 *
 * <p>Why not a String: in an append-heavy history every state is the previous one plus a few
 * characters. As Strings, each step copied and re-hashed the whole value, and the memo kept one
 * full copy per visited state, so a 15,000-operation key cost O(n * length) time and memory. Here
 * an append is O(piece), and states share their prefixes.
 *
 * <p>Equality is exact (a hash match is confirmed character by character), so the search never
 * merges two different values.
 */
public final class KvValue {
  /** The empty value: what a missing key reads as. */
  public static final KvValue EMPTY = new KvValue(null, "", 0, 0);

  private static final long P = 0x100000001B3L;

  private final KvValue prefix;
  private final String piece;
  private final int length;
  private final long hash;

  /**
   * A string this value is known to be a prefix of (compared by identity), so that checking a chain
   * of appends against the same reads costs O(piece) per step instead of O(length). Only a memo:
   * any value, or none, gives the same answers. A partition's search runs on one thread, and values
   * never cross partitions.
   */
  private String knownPrefixOf;

  private KvValue(KvValue prefix, String piece, int length, long hash) {
    this.prefix = prefix;
    this.piece = piece;
    this.length = length;
    this.hash = hash;
  }

  /** A value holding exactly {@code s}. */
  public static KvValue of(String s) {
    return s.isEmpty() ? EMPTY : new KvValue(null, s, s.length(), hashOf(s));
  }

  /** This value with {@code s} appended. */
  public KvValue append(String s) {
    if (s.isEmpty()) {
      return this;
    }
    if (length == 0) {
      return of(s);
    }
    return new KvValue(this, s, length + s.length(), hash * pow(s.length()) + hashOf(s));
  }

  public int length() {
    return length;
  }

  /** True if this value's characters are exactly {@code s}'s. */
  public boolean contentEquals(String s) {
    return contentEquals(s, s);
  }

  /**
   * As {@link #contentEquals(String)}, with {@code top} as for {@link #isPrefixOf(String, String)}.
   */
  public boolean contentEquals(String s, String top) {
    return s.length() == length && isPrefixOf(s, top);
  }

  /** True if {@code s} starts with this value. */
  public boolean isPrefixOf(String s) {
    return isPrefixOf(s, s);
  }

  /**
   * True if {@code s} starts with this value. {@code top} must start with {@code s} (it may be
   * {@code s}): reads that each extend the one before share one top, the longest, and a piece known
   * to be a prefix of the top, and no longer than {@code s}, is a prefix of {@code s}. So the walk
   * from the last piece back stops at the first piece already checked against any read of the same
   * chain: checking a growing value against a series of growing reads costs O(new pieces), not
   * O(length).
   */
  public boolean isPrefixOf(String s, String top) {
    if (length > s.length()) {
      return false;
    }
    KvValue stop = null;
    for (KvValue v = this; v != null && v.length > 0; v = v.prefix) {
      if (v.knownPrefixOf == top) {
        stop = v;
        break;
      }
      int start = v.length - v.piece.length();
      if (!s.regionMatches(start, v.piece, 0, v.piece.length())) {
        return false;
      }
    }
    for (KvValue v = this; v != stop && v != null && v.length > 0; v = v.prefix) {
      v.knownPrefixOf = top;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return (int) (hash ^ (hash >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KvValue other) || other.length != length || other.hash != hash) {
      return false;
    }
    return sameChars(this, other);
  }

  /** Compares two equally long values from the end; shared prefixes end the walk early. */
  private static boolean sameChars(KvValue a, KvValue b) {
    int ia = a.piece.length();
    int ib = b.piece.length();
    while (a != null && b != null) {
      if (a == b && ia == ib) {
        return true;
      }
      if (ia == 0) {
        a = a.prefix;
        ia = a == null ? 0 : a.piece.length();
        continue;
      }
      if (ib == 0) {
        b = b.prefix;
        ib = b == null ? 0 : b.piece.length();
        continue;
      }
      int n = Math.min(ia, ib);
      if (!a.piece.regionMatches(ia - n, b.piece, ib - n, n)) {
        return false;
      }
      ia -= n;
      ib -= n;
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(length);
    sb.setLength(length);
    for (KvValue v = this; v != null && v.length > 0; v = v.prefix) {
      int start = v.length - v.piece.length();
      for (int i = 0; i < v.piece.length(); i++) {
        sb.setCharAt(start + i, v.piece.charAt(i));
      }
    }
    return sb.toString();
  }

  private static long hashOf(String s) {
    long h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = h * P + s.charAt(i);
    }
    return h;
  }

  private static long pow(int n) {
    long result = 1;
    long base = P;
    for (int e = n; e > 0; e >>>= 1) {
      if ((e & 1) != 0) {
        result *= base;
      }
      base *= base;
    }
    return result;
  }
}
