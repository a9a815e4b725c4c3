package simlab.shardkv1.shardcfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 6.5840 2025 {@code shardcfg_test.go} (TestBasic) plus the hash and the string form. */
class ShardConfigTest {

  private static List<String> srv(int gid) {
    return List.of("s" + gid + "a", "s" + gid + "b", "s" + gid + "c");
  }

  private static int moved(ShardConfig a, ShardConfig b) {
    int n = 0;
    for (int s = 0; s < ShardConfig.NSHARDS; s++) {
      n += a.shard(s) != b.shard(s) ? 1 : 0;
    }
    return n;
  }

  @Test
  void fnvMatchesTheStandardTestVectors() {
    assertEquals(0x811c9dc5, ShardConfig.fnv32a(""));
    assertEquals(0xe40c292c, ShardConfig.fnv32a("a"));
    assertEquals(0xbf9cf968, ShardConfig.fnv32a("foobar"));
    assertEquals(Integer.remainderUnsigned(0xe40c292c, 12), ShardConfig.key2Shard("a"));
  }

  @Test
  void sixtyKeysReachEveryShard() {
    boolean[] seen = new boolean[ShardConfig.NSHARDS];
    for (int i = 0; i < 60; i++) {
      int s = ShardConfig.key2Shard("k" + i);
      assertTrue(s >= 0 && s < ShardConfig.NSHARDS);
      seen[s] = true;
    }
    for (boolean b : seen) {
      assertTrue(b, "some shard has none of 60 keys");
    }
  }

  /** 6.5840 TestBasic: join groups one by one and in pairs, then leave; balanced and minimal. */
  @Test
  void basic() {
    ShardConfig c = ShardConfig.first(ShardConfig.GID1, srv(1));
    assertEquals(ShardConfig.NUM_FIRST, c.num());
    assertNull(c.checkConfig(List.of(1)));
    List<Integer> members = new ArrayList<>(List.of(1));
    for (int gid = 2; gid <= 12; gid++) {
      ShardConfig prev = c.copy();
      assertTrue(c.joinBalance(Map.of(gid, srv(gid))));
      members.add(gid);
      assertEquals(prev.num() + 1, c.num());
      assertNull(c.checkConfig(members), c.toString());
      // Minimal: the newcomer takes exactly its share and nothing else moves.
      int share = ShardConfig.NSHARDS / members.size();
      assertEquals(share, moved(prev, c), "join of " + gid + ": " + prev + " -> " + c);
    }
    ShardConfig before = c.copy();
    assertFalse(c.joinBalance(Map.of(3, srv(3))), "re-join of a member");
    assertFalse(c.joinBalance(Map.of(99, srv(2))), "a server in two groups");
    assertEquals(before, c, "a refused join changed the configuration");
    for (int gid = 12; gid >= 2; gid--) {
      ShardConfig prev = c.copy();
      int held = 0;
      for (int s = 0; s < ShardConfig.NSHARDS; s++) {
        held += prev.shard(s) == gid ? 1 : 0;
      }
      assertTrue(c.leaveBalance(List.of(gid)));
      members.remove(Integer.valueOf(gid));
      assertNull(c.checkConfig(members), c.toString());
      assertEquals(held, moved(prev, c), "leave of " + gid + " moved more than its shards");
    }
    assertFalse(c.leaveBalance(List.of(7)), "leave of a non-member");
    assertTrue(c.joinBalance(Map.of(5, srv(5), 6, srv(6))));
    assertNull(c.checkConfig(List.of(1, 5, 6)));
    assertTrue(c.leaveBalance(List.of(1, 5, 6)));
    assertNull(c.checkConfig(List.of()));
    assertEquals(0, c.shard(0));
  }

  @Test
  void copyIsIndependent() {
    ShardConfig c = ShardConfig.first(1, srv(1));
    ShardConfig d = c.copy();
    assertTrue(d.joinBalance(Map.of(2, srv(2))));
    assertEquals(1, c.num());
    assertEquals(List.of(1), c.gids());
    assertNotEquals(c, d);
  }

  @Test
  void stringRoundTrips() {
    ShardConfig c = ShardConfig.first(1, srv(1));
    c.joinBalance(Map.of(2, srv(2), 3, List.of()));
    assertEquals(c, ShardConfig.fromString(c.toString()));
    assertEquals(new ShardConfig(), ShardConfig.fromString(new ShardConfig().toString()));
  }

  @Test
  void badStringsNameTheProblem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ShardConfig.fromString("x|1|"));
    assertTrue(e.getMessage().contains("num must be an integer"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ShardConfig.fromString("1|1,2|"));
    assertTrue(e.getMessage().contains("expected 12 shards"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ShardConfig.fromString("1"));
    assertTrue(e.getMessage().contains("num|shards|groups"), e.getMessage());
  }

  @Test
  void checkConfigCatchesImbalance() {
    ShardConfig c = ShardConfig.fromString("2|1,1,1,1,1,1,1,1,2,2,2,2|1=a;2=b");
    assertTrue(c.checkConfig(List.of(1, 2)).contains("not balanced"));
    ShardConfig d = ShardConfig.fromString("2|1,1,1,1,1,1,3,2,2,2,2,2|1=a;2=b");
    assertTrue(d.checkConfig(List.of(1, 2)).contains("not a member"));
  }
}
