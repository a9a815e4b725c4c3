package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
  enum Color {
    RED,
    GREEN
  }

  record Entry(int term, Object command) {}

  record Wrapper(String name, long big, Color color, byte[] data, ImmutableList<Entry> entries) {}

  @Test
  void roundTripsNestedRecordsAndCollections() {
    Wrapper w =
        new Wrapper(
            "x",
            -5_000_000_000L,
            Color.GREEN,
            new byte[] {1, 2, 3},
            ImmutableList.of(new Entry(1, 42), new Entry(2, "put k v"), new Entry(3, null)));
    Wrapper back = ValueCodec.decode(ValueCodec.encode(w), Wrapper.class);
    assertEquals("x", back.name());
    assertEquals(-5_000_000_000L, back.big());
    assertEquals(Color.GREEN, back.color());
    assertArrayEquals(new byte[] {1, 2, 3}, back.data());
    assertEquals(w.entries(), back.entries());
  }

  @Test
  void mapsKeepIterationOrderAndDecodeImmutable() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("b", 2);
    m.put("a", 1);
    Object back = ValueCodec.decode(ValueCodec.encode(m));
    assertInstanceOf(ImmutableMap.class, back);
    assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) back).keySet()));
  }

  @Test
  void smallValuesEncodeCompactly() {
    List<Entry> log = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      log.add(new Entry(i, i * 100));
    }
    byte[] bytes = ValueCodec.encode(log);
    // class name once, then ~4 bytes per entry
    assertTrue(bytes.length < 120, "encoded size " + bytes.length);
  }

  @Test
  void sameValueSameBytes() {
    Entry e = new Entry(7, ImmutableList.of("a", "b"));
    assertArrayEquals(ValueCodec.encode(e), ValueCodec.encode(e));
  }

  @Test
  void corruptInputGivesClearError() {
    IllegalArgumentException ex =
        assertThrows(IllegalArgumentException.class, () -> ValueCodec.decode(new byte[] {99}));
    assertTrue(ex.getMessage().contains("unknown tag 99"), ex.getMessage());
    byte[] truncated = java.util.Arrays.copyOf(ValueCodec.encode("hello"), 3);
    assertThrows(IllegalArgumentException.class, () -> ValueCodec.decode(truncated));
  }

  @Test
  void rejectsMutablePlainObjects() {
    IllegalArgumentException ex =
        assertThrows(
            IllegalArgumentException.class, () -> ValueCodec.encode(new StringBuilder("x")));
    assertTrue(ex.getMessage().contains("StringBuilder"));
  }
}
