package simlab.explore;

/**
 * One machine's share of a sweep split over {@code count} machines ({@code --shard I/N} of explore
 * and grade): seed s is this shard's when s mod N == I, so shards never overlap and together cover
 * every seed, whatever the first seed.
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "--shard expects I/N with 0 <= I < N (e.g. 0/4), got '" + index + "/" + count + "'");
    }
  }

  /** Parses {@code I/N}; the message names the option and the bad value. */
  public static Shard parse(String s) {
    String[] parts = s.split("/", -1);
    try {
      if (parts.length == 2) {
        int i = Integer.parseInt(parts[0].trim());
        int n = Integer.parseInt(parts[1].trim());
        if (n >= 1 && i >= 0 && i < n) {
          return new Shard(i, n);
        }
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(
        "--shard expects I/N with 0 <= I < N (e.g. 0/4), got '" + s + "'");
  }

  public boolean includes(long seed) {
    return Math.floorMod(seed, count) == index;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
