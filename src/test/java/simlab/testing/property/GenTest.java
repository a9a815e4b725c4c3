package simlab.testing.property;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The generators: ranges, sizes, and the simplest value of each (what choice 0 builds). */
class GenTest {

  @Test
  void integerChoicesCoverTheRangeOnceStartingNearestZero() {
    long[][] ranges = {{-3, 5}, {-5, 3}, {2, 9}, {-9, -2}, {0, 0}, {-4, 4}};
    for (long[] r : ranges) {
      TreeSet<Long> seen = new TreeSet<>();
      for (long c = 0; c <= r[1] - r[0]; c++) {
        long v = Gen.fromChoice(c, r[0], r[1]);
        assertTrue(
            v >= r[0] && v <= r[1],
            "choice " + c + " gave " + v + " outside " + r[0] + ".." + r[1]);
        seen.add(v);
      }
      assertEquals(r[1] - r[0] + 1, seen.size(), "every value once for " + r[0] + ".." + r[1]);
    }
    assertEquals(
        List.of(0L, 1L, -1L, 2L, -2L, 3L, 4L),
        List.of(
            Gen.fromChoice(0, -2, 4),
            Gen.fromChoice(1, -2, 4),
            Gen.fromChoice(2, -2, 4),
            Gen.fromChoice(3, -2, 4),
            Gen.fromChoice(4, -2, 4),
            Gen.fromChoice(5, -2, 4),
            Gen.fromChoice(6, -2, 4)));
  }

  @Test
  void generatedValuesStayInTheirBounds() {
    Gen<List<Integer>> lists = Gen.ints(-7, 7).list(2, 5);
    Gen<String> strings = Gen.strings(Gen.chars('a', 'c'), 1, 3);
    for (int i = 0; i < 500; i++) {
      List<Integer> xs = PropertyRunner.generate(lists, 1, "lists", i);
      assertTrue(xs.size() >= 2 && xs.size() <= 5, xs.toString());
      assertTrue(xs.stream().allMatch(x -> x >= -7 && x <= 7), xs.toString());
      String s = PropertyRunner.generate(strings, 1, "strings", i);
      assertTrue(s.matches("[abc]{1,3}"), s);
    }
  }

  @Test
  void choiceZeroBuildsTheSimplestValue() {
    ChoiceSequence none = ChoiceSequence.of();
    assertEquals(List.of(0, 0), PropertyRunner.replayValue(Gen.ints(0, 9).list(2, 8), none));
    assertEquals(5, PropertyRunner.replayValue(Gen.ints(5, 9), none));
    assertEquals("a", PropertyRunner.replayValue(Gen.elements("a", "b"), none));
    assertEquals(false, PropertyRunner.replayValue(Gen.booleans(), none));
    assertEquals(Thread.State.NEW, PropertyRunner.replayValue(Gen.enums(Thread.State.class), none));
    assertEquals(
        "b", PropertyRunner.replayValue(Gen.oneOf(Gen.constant("b"), Gen.constant("c")), none));
  }

  @Test
  void aReplayedChoiceIsClampedToItsRange() {
    assertEquals(9, PropertyRunner.replayValue(Gen.ints(0, 9), ChoiceSequence.of(1_000)));
    assertEquals(
        List.of(3, 4),
        PropertyRunner.replayValue(Gen.ints(0, 9).list(0, 5), ChoiceSequence.of(1, 3, 7, 4, 0)));
  }

  @Test
  void badRangesAreRejectedWithTheirBounds() {
    var e = assertThrows(IllegalArgumentException.class, () -> Gen.ints(3, 2));
    assertEquals("empty range 3..2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Gen.ints(0, 1).list(3, 2));
    assertEquals("list sizes must satisfy 0 <= min <= max, got 3..2", e.getMessage());
  }
}
