package simlab.shardkv1.shardcfg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One shard configuration (6.5840 2025 {@code shardcfg.ShardConfig}): a number, the owner group of
 * each of the 12 shards (0 = none) and the servers of each group. Mutable like the Go struct: the
 * controller takes a {@link #copy()}, changes it with {@link #joinBalance} / {@link #leaveBalance}
 * and installs it. Groups are kept in a {@link TreeMap}, so every iteration is in gid order and
 * every replica and controller computes the same balance.
 */
public final class ShardConfig {
  /** Shards in the key space (6.5840 {@code NShards}). */
  public static final int NSHARDS = 12;

  /** The group that owns every shard in the first configuration (6.5840 {@code Gid1}). */
  public static final int GID1 = 1;

  /** The number of the first configuration (6.5840 {@code NumFirst}). */
  public static final int NUM_FIRST = 1;

  private int num;
  private final int[] shards = new int[NSHARDS];
  private final TreeMap<Integer, List<String>> groups = new TreeMap<>();

  /** The empty configuration, number 0, no groups (6.5840 {@code MakeShardConfig}). */
  public ShardConfig() {}

  /** The configuration tests start from: number {@link #NUM_FIRST}, every shard on {@code gid}. */
  public static ShardConfig first(int gid, List<String> servers) {
    ShardConfig c = new ShardConfig();
    c.joinBalance(Map.of(gid, servers));
    return c;
  }

  /**
   * The shard of {@code key}: FNV-32a of its UTF-8 bytes, taken unsigned, mod {@link #NSHARDS}
   * (6.5840 {@code Key2Shard}).
   */
  public static int key2Shard(String key) {
    return Integer.remainderUnsigned(fnv32a(key), NSHARDS);
  }

  /** FNV-1a, 32 bits, of the UTF-8 bytes of {@code s} (Go's {@code hash/fnv.New32a}). */
  public static int fnv32a(String s) {
    int h = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h;
  }

  public int num() {
    return num;
  }

  public void setNum(int num) {
    this.num = num;
  }

  /** The group owning {@code shard}, 0 if none. */
  public int shard(int shard) {
    return shards[shard];
  }

  /** The gids of the groups, ascending. */
  public List<Integer> gids() {
    return List.copyOf(groups.keySet());
  }

  /** The servers of {@code gid}, empty if it is not in this configuration. */
  public List<String> servers(int gid) {
    return groups.getOrDefault(gid, List.of());
  }

  public boolean isMember(int gid) {
    return groups.containsKey(gid);
  }

  /** The group that serves {@code key} and its servers (6.5840 {@code GidServers}). */
  public int gidOf(String key) {
    return shards[key2Shard(key)];
  }

  /** A deep copy (6.5840 {@code Copy}): changing it leaves this one alone. */
  public ShardConfig copy() {
    ShardConfig c = new ShardConfig();
    c.num = num;
    System.arraycopy(shards, 0, c.shards, 0, NSHARDS);
    c.groups.putAll(groups);
    return c;
  }

  /**
   * Adds the groups of {@code newGroups}, rebalances and increments the number (6.5840 {@code
   * JoinBalance}). Returns false, changing nothing, if any gid is already a member or is not
   * positive, or if a server would be in two groups.
   */
  public boolean joinBalance(Map<Integer, List<String>> newGroups) {
    if (newGroups.isEmpty()) {
      return false;
    }
    for (Map.Entry<Integer, List<String>> e : new TreeMap<>(newGroups).entrySet()) {
      if (e.getKey() <= 0 || groups.containsKey(e.getKey())) {
        return false;
      }
      for (String s : e.getValue()) {
        for (List<String> other : groups.values()) {
          if (other.contains(s)) {
            return false;
          }
        }
      }
    }
    for (Map.Entry<Integer, List<String>> e : new TreeMap<>(newGroups).entrySet()) {
      groups.put(e.getKey(), List.copyOf(e.getValue()));
    }
    rebalance();
    num++;
    return true;
  }

  /**
   * Removes the groups {@code gids}, gives their shards to the others and increments the number
   * (6.5840 {@code LeaveBalance}). Returns false, changing nothing, if some gid is not a member.
   * When the last group leaves, every shard is unassigned (0).
   */
  public boolean leaveBalance(List<Integer> gids) {
    if (gids.isEmpty()) {
      return false;
    }
    for (int g : gids) {
      if (!groups.containsKey(g)) {
        return false;
      }
    }
    for (int g : gids) {
      groups.remove(g);
    }
    rebalance();
    num++;
    return true;
  }

  /**
   * Moves as few shards as possible so each group holds ⌊12/G⌋ or ⌈12/G⌉: shards of departed groups
   * and each group's surplus are freed (highest shard first), then handed to the groups below
   * target (lowest shard to the lowest-gid group first). Groups that hold more keep the extra
   * shards, so a balanced configuration is never disturbed.
   */
  private void rebalance() {
    if (groups.isEmpty()) {
      Arrays.fill(shards, 0);
      return;
    }
    int g = groups.size();
    int base = NSHARDS / g;
    int extra = NSHARDS % g;
    TreeMap<Integer, List<Integer>> held = new TreeMap<>();
    for (int gid : groups.keySet()) {
      held.put(gid, new ArrayList<>());
    }
    List<Integer> free = new ArrayList<>();
    for (int s = 0; s < NSHARDS; s++) {
      List<Integer> h = held.get(shards[s]);
      if (h == null) {
        free.add(s);
      } else {
        h.add(s);
      }
    }
    // Targets: the groups already holding most keep the extra shards (ties: lower gid).
    List<Integer> order = new ArrayList<>(groups.keySet());
    order.sort(
        (a, b) ->
            held.get(b).size() != held.get(a).size()
                ? held.get(b).size() - held.get(a).size()
                : Integer.compare(a, b));
    TreeMap<Integer, Integer> target = new TreeMap<>();
    for (int i = 0; i < order.size(); i++) {
      target.put(order.get(i), base + (i < extra ? 1 : 0));
    }
    for (int gid : groups.keySet()) {
      List<Integer> h = held.get(gid);
      while (h.size() > target.get(gid)) {
        free.add(h.remove(h.size() - 1));
      }
    }
    free.sort(Integer::compare);
    int next = 0;
    for (int gid : groups.keySet()) {
      List<Integer> h = held.get(gid);
      while (h.size() < target.get(gid)) {
        int s = free.get(next++);
        shards[s] = gid;
        h.add(s);
      }
    }
  }

  /**
   * Whether the shards are spread evenly: every shard is owned by a member, and the counts of the
   * groups differ by at most one (6.5840 {@code CheckConfig}). Returns an error message, or null.
   */
  public String checkConfig(List<Integer> expectedGroups) {
    if (!new ArrayList<>(groups.keySet()).equals(expectedGroups.stream().sorted().toList())) {
      return "groups are " + groups.keySet() + ", expected " + expectedGroups;
    }
    if (groups.isEmpty()) {
      for (int s = 0; s < NSHARDS; s++) {
        if (shards[s] != 0) {
          return "no groups, but shard " + s + " is assigned to " + shards[s];
        }
      }
      return null;
    }
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int gid : groups.keySet()) {
      counts.put(gid, 0);
    }
    for (int s = 0; s < NSHARDS; s++) {
      if (!counts.containsKey(shards[s])) {
        return "shard " + s + " is assigned to " + shards[s] + ", which is not a member";
      }
      counts.merge(shards[s], 1, Integer::sum);
    }
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    if (max - min > 1) {
      return "shards are not balanced: counts per group " + counts;
    }
    return null;
  }

  /**
   * The string form stored in the controller's kvsrv: {@code num|s0,...,s11|gid=srv,srv;gid=...}.
   * Server names may not contain {@code | , ; =}.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder().append(num).append('|');
    for (int s = 0; s < NSHARDS; s++) {
      b.append(s == 0 ? "" : ",").append(shards[s]);
    }
    b.append('|');
    boolean first = true;
    for (Map.Entry<Integer, List<String>> e : groups.entrySet()) {
      b.append(first ? "" : ";")
          .append(e.getKey())
          .append('=')
          .append(String.join(",", e.getValue()));
      first = false;
    }
    return b.toString();
  }

  /**
   * Parses {@link #toString()}'s form (6.5840 {@code FromString}). Throws IllegalArgumentException
   * naming what is wrong.
   */
  public static ShardConfig fromString(String s) {
    String[] parts = s.split("\\|", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "shard config: expected num|shards|groups, got "
              + parts.length
              + " fields in '"
              + s
              + "'");
    }
    ShardConfig c = new ShardConfig();
    c.num = parseInt(parts[0], "num", s);
    String[] sh = parts[1].split(",", -1);
    if (sh.length != NSHARDS) {
      throw new IllegalArgumentException(
          "shard config: expected " + NSHARDS + " shards, got " + sh.length + " in '" + s + "'");
    }
    for (int i = 0; i < NSHARDS; i++) {
      c.shards[i] = parseInt(sh[i], "shard " + i, s);
    }
    if (!parts[2].isEmpty()) {
      for (String g : parts[2].split(";", -1)) {
        int eq = g.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              "shard config: group '" + g + "' has no '=' in '" + s + "'");
        }
        String servers = g.substring(eq + 1);
        c.groups.put(
            parseInt(g.substring(0, eq), "gid", s),
            servers.isEmpty() ? List.of() : List.of(servers.split(",", -1)));
      }
    }
    return c;
  }

  private static int parseInt(String v, String what, String whole) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "shard config: " + what + " must be an integer, got '" + v + "' in '" + whole + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShardConfig c
        && c.num == num
        && Arrays.equals(c.shards, shards)
        && c.groups.equals(groups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(num, Arrays.hashCode(shards), groups);
  }
}
