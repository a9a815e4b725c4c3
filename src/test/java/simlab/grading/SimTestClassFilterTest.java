package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimTestClassFilterTest {
  private final SimTestClassFilter filter =
      new SimTestClassFilter(SimTestClassFilterTest.class.getClassLoader());

  @Test
  void keepsTheSuitesAndDropsPlainUnitTests() {
    assertTrue(filter.mayHoldSimTests("simlab.raft.Raft3ATest"));
    assertTrue(filter.mayHoldSimTests("simlab.shardkv.ShardKv5BTest"));
    assertFalse(filter.mayHoldSimTests("simlab.grading.HandoutPointsTest"));
    assertFalse(filter.mayHoldSimTests("simlab.grading.PointsTable"));
  }

  @Test
  void letsThroughWhatItCannotRead() {
    assertTrue(filter.mayHoldSimTests("simlab.no.such.Class"));
  }

  @Test
  void readsSuperclassAndInterfacesFromTheClassFile() throws IOException {
    byte[] bytes;
    try (InputStream in =
        SimTestClassFilter.class.getResourceAsStream("SimTestClassFilter.class")) {
      bytes = in.readAllBytes();
    }
    assertEquals(
        List.of("java.lang.Object", "org.junit.platform.engine.discovery.ClassNameFilter"),
        SimTestClassFilter.supertypes(bytes));
  }

  /** The filter only saves work: the catalog finds exactly the tests a full discovery finds. */
  @Test
  void catalogIsTheSameWithAndWithoutTheFilter() {
    List<String> filtered = names(LabTestCatalog.discover(true));
    List<String> full = names(LabTestCatalog.discover(false));
    assertEquals(full, filtered);
    assertTrue(full.size() > 50, "the lab suites were found: " + full.size());
  }

  private static List<String> names(List<LabTestCatalog.LabTest> tests) {
    return tests.stream().map(t -> t.part() + " " + t.location()).toList();
  }
}
