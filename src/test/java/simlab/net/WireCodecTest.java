package simlab.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.kv.Command;
import simlab.kv.Err;
import simlab.kv.KvReply;
import simlab.kv.KvRequest;
import simlab.kv.Op;
import simlab.raft.AppendEntries;
import simlab.raft.InstallSnapshot;
import simlab.raft.LogEntry;
import simlab.sim.MessageCodec;

class WireCodecTest {
  enum Color {
    RED,
    GREEN
  }

  record Everything(
      int i,
      long l,
      boolean b,
      double d,
      float f,
      short s,
      byte y,
      char c,
      String str,
      Color color,
      Integer boxed,
      ImmutableMap<String, Integer> map,
      ImmutableSortedMap<Integer, String> sorted,
      ImmutableSet<String> set,
      ImmutableSortedSet<Long> sortedSet,
      ImmutableListMultimap<String, Integer> multi,
      int[] ints,
      String[] strings,
      Object nothing) {}

  record Holder(String name, List<String> items) {}

  private static Object roundTrip(Object v) {
    WireCodec.Writer w = new WireCodec.Writer();
    WireCodec.Reader r = new WireCodec.Reader();
    return r.fromBytes(w.toBytes(v));
  }

  @Test
  void raftAndKvMessagesRoundTrip() {
    AppendEntries ae =
        new AppendEntries(
            7,
            1,
            10,
            6,
            ImmutableList.of(
                new LogEntry(6, new Command(Op.APPEND, "k", "x y", 42L, 3L)),
                new LogEntry(7, "no-op")),
            9);
    assertEquals(ae, roundTrip(ae));
    KvRequest req = new KvRequest(new Command(Op.GET, "key", "", -5L, Long.MAX_VALUE));
    assertEquals(req, roundTrip(req));
    assertEquals(new KvReply(Err.ERR_NO_KEY, ""), roundTrip(new KvReply(Err.ERR_NO_KEY, "")));
  }

  @Test
  void byteArraysArriveAsCopies() {
    byte[] data = {1, 2, 3, -1};
    InstallSnapshot is = new InstallSnapshot(3, 0, 17, 2, data);
    InstallSnapshot back = (InstallSnapshot) roundTrip(is);
    assertArrayEquals(data, back.data());
    assertNotSame(data, back.data());
    assertEquals(17, back.lastIncludedIndex());
  }

  @Test
  void everyAcceptedKindRoundTrips() {
    Everything e =
        new Everything(
            -3,
            Long.MIN_VALUE,
            true,
            2.5,
            -1.25f,
            (short) -7,
            (byte) -128,
            'é',
            "ünïcode",
            Color.GREEN,
            null,
            ImmutableMap.of("a", 1, "b", 2),
            ImmutableSortedMap.of(2, "two", 1, "one"),
            ImmutableSet.of("x", "y"),
            ImmutableSortedSet.of(5L, 1L),
            ImmutableListMultimap.of("k", 1, "k", 2),
            new int[] {1, -1, Integer.MAX_VALUE},
            new String[] {"p", null},
            null);
    Everything back = (Everything) roundTrip(e);
    assertEquals(e.map(), back.map());
    assertEquals(ImmutableList.of(1, 2), ImmutableList.copyOf(back.sorted().keySet()));
    assertEquals(e.multi(), back.multi());
    assertEquals(e.sortedSet(), back.sortedSet());
    assertArrayEquals(e.ints(), back.ints());
    assertArrayEquals(e.strings(), back.strings());
    assertEquals(
        List.of(
            e.i(), e.l(), e.b(), e.d(), e.f(), e.s(), e.y(), e.c(), e.str(), e.color(), e.set()),
        List.of(
            back.i(),
            back.l(),
            back.b(),
            back.d(),
            back.f(),
            back.s(),
            back.y(),
            back.c(),
            back.str(),
            back.color(),
            back.set()));
  }

  @Test
  void mutableValuesAreRejectedNamingTheFieldLikeTheSimulator() {
    Holder h = new Holder("n", new ArrayList<>(List.of("a")));
    IllegalArgumentException wire =
        assertThrows(IllegalArgumentException.class, () -> new WireCodec.Writer().toBytes(h));
    IllegalArgumentException sim =
        assertThrows(IllegalArgumentException.class, () -> new MessageCodec().seal(h));
    assertTrue(
        wire.getMessage().startsWith("message field Holder.items holds a java.util.ArrayList"),
        wire.getMessage());
    assertEquals(sim.getMessage(), wire.getMessage());
  }

  @Test
  void aClassIsNamedOncePerConnection() {
    WireCodec.Writer w = new WireCodec.Writer();
    WireCodec.Reader r = new WireCodec.Reader();
    KvRequest req = new KvRequest(new Command(Op.PUT, "k", "v", 1L, 1L));
    byte[] first = w.toBytes(req);
    byte[] second = w.toBytes(req);
    assertTrue(second.length + 30 < first.length, first.length + " then " + second.length);
    assertTrue(second.length < 16, "a repeated small request is " + second.length + " bytes");
    assertEquals(req, r.fromBytes(first));
    assertEquals(req, r.fromBytes(second));
    // A reader that missed the first frame cannot resolve the type id and says so.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new WireCodec.Reader().fromBytes(second));
    assertTrue(e.getMessage().contains("never named"), e.getMessage());
  }

  @Test
  void malformedFramesFailCleanly() {
    byte[] ok = new WireCodec.Writer().toBytes("hello");
    byte[] truncated = java.util.Arrays.copyOf(ok, ok.length - 2);
    assertThrows(IllegalArgumentException.class, () -> new WireCodec.Reader().fromBytes(truncated));
    assertThrows(
        IllegalArgumentException.class, () -> new WireCodec.Reader().fromBytes(new byte[] {99}));
    // A huge length prefix is checked against the bytes left instead of being allocated.
    byte[] huge = {WireCodec.BYTES, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new WireCodec.Reader().fromBytes(huge));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    // RECORD naming a class that is not a record.
    WireCodec.Bytes b = new WireCodec.Bytes(32);
    b.putByte(WireCodec.RECORD);
    b.putByte(0);
    byte[] name = "java.lang.Thread".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    b.putByte(name.length);
    for (byte x : name) {
      b.putByte(x);
    }
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new WireCodec.Reader().fromBytes(b.toByteArray()));
    assertTrue(e.getMessage().contains("not a record"), e.getMessage());
  }
}
