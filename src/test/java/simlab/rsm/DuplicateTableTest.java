package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateTableTest {
  @Test
  void newerSeqIsNewAndOlderOrEqualIsADuplicate() {
    DuplicateTable t = new DuplicateTable();
    assertNull(t.duplicateOf(1, 1));
    t.record(1, 3, "three");
    assertNull(t.duplicateOf(1, 4));
    assertEquals(new DuplicateTable.Last(3, "three"), t.duplicateOf(1, 3));
    assertEquals(
        new DuplicateTable.Last(3, "three"),
        t.duplicateOf(1, 2),
        "an older retry gets the latest answer");
    assertNull(t.duplicateOf(2, 1), "tables are per client");
  }

  @Test
  void exportIsInClientOrderAndRestores() {
    DuplicateTable t = new DuplicateTable();
    t.record(9, 1, "a");
    t.record(-4, 2, "b");
    t.record(3, 5, "c");
    assertEquals(List.of(-4L, 3L, 9L), List.copyOf(t.export().keySet()));
    DuplicateTable copy = new DuplicateTable();
    copy.replaceWith(t.export());
    assertEquals(t.export(), copy.export());
  }

  @Test
  void mergingKeepsTheLaterWritePerClient() {
    DuplicateTable t = new DuplicateTable();
    t.record(1, 5, "mine");
    t.record(2, 1, "mine");
    t.addAll(
        Map.of(
            1L,
            new DuplicateTable.Last(4, "theirs"),
            2L,
            new DuplicateTable.Last(2, "theirs"),
            3L,
            new DuplicateTable.Last(1, "theirs")));
    assertEquals(new DuplicateTable.Last(5, "mine"), t.duplicateOf(1, 5));
    assertEquals(new DuplicateTable.Last(2, "theirs"), t.duplicateOf(2, 2));
    assertEquals(3, t.size());
  }
}
