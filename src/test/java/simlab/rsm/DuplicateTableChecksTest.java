package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DuplicateTable#replaceWith}: restoring a snapshot replaces the whole table. Added for a
 * mutant PIT found surviving (the old entries kept): a client the image does not know must not keep
 * an entry, or its next write would be answered from a table the snapshot never had.
 */
class DuplicateTableChecksTest {
  @Test
  void replaceWithForgetsClientsTheImageLacks() {
    DuplicateTable t = new DuplicateTable();
    t.record(1, 5, "mine");
    t.record(2, 3, "two");
    t.replaceWith(Map.of(2L, new DuplicateTable.Last(4, "image")));
    assertNull(t.duplicateOf(1, 5), "client 1 is not in the image, yet still deduplicated");
    assertEquals(new DuplicateTable.Last(4, "image"), t.duplicateOf(2, 4));
    assertEquals(1, t.size());
  }
}
