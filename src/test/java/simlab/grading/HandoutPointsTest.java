package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import simlab.testing.Points;

/** Points live on the test methods; the handouts' tables mirror them. */
class HandoutPointsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2024, 2025})
  void everyGradedTestCarriesPoints(int year) {
    List<LabTestCatalog.LabTest> tests = LabTestCatalog.forYear(year);
    // Throws, naming each test, if a graded test lacks @Points: the grader would exit 2.
    PointsTable table = PointsTable.fromAnnotations(tests);
    long graded = tests.stream().filter(LabTestCatalog.LabTest::graded).count();
    assertTrue(graded > 0, "discovery found no graded tests of " + year);
    for (LabTestCatalog.LabTest t : tests) {
      if (t.graded()) {
        assertTrue(
            table.pointsOf(t.name()) >= 1,
            t.name() + " is graded but worth " + table.pointsOf(t.name()));
      }
    }
  }

  @Test
  void handoutTablesAgreeWithTheAnnotations() {
    PointsTable annotations = PointsTable.fromAnnotations(LabTestCatalog.forYear(2024));
    HandoutPoints handouts = HandoutPoints.load(Path.of("labs"));
    assertTrue(
        !handouts.rows().isEmpty(),
        "no points tables found under labs/ (run from the project root)");
    List<String> mismatches = handouts.mismatches(annotations);
    assertTrue(
        mismatches.isEmpty(),
        "the handouts' points tables (labs/*.md) disagree with the @Points annotations,"
            + " which are the source; fix the table rows:\n  "
            + String.join("\n  ", mismatches));
  }

  /**
   * labs/2025/*.md against the 2025-tagged tests (2025's Raft 3A-3C and most of 3D are 2024's
   * classes, whose rows are in labs/lab3-raft.md and checked above).
   */
  @Test
  void handout2025TablesAgreeWithThe2025Annotations() {
    List<LabTestCatalog.LabTest> own =
        LabTestCatalog.forYear(2025).stream()
            .filter(t -> t.tag().startsWith(LabTestCatalog.PREFIX_2025))
            .toList();
    assertTrue(!own.isEmpty(), "no test is tagged 2025-<part>");
    PointsTable annotations = PointsTable.fromAnnotations(own);
    HandoutPoints handouts = HandoutPoints.load(Path.of("labs", "2025"));
    assertTrue(
        !handouts.rows().isEmpty(),
        "no points tables found under labs/2025/ (run from the project root)");
    List<String> mismatches = handouts.mismatches(annotations);
    assertTrue(
        mismatches.isEmpty(),
        "the 2025 handouts' points tables (labs/2025/*.md) disagree with the @Points"
            + " annotations of the 2025-tagged tests; fix the table rows:\n  "
            + String.join("\n  ", mismatches));
  }

  @Test
  void aGradedTestWithoutPointsIsAnErrorNamingIt() throws Exception {
    List<LabTestCatalog.LabTest> tests =
        List.of(
            fixture("TestWorthThree3A", "3A", "worthThree"),
            fixture("TestForgotten3B", "3B", "forgotten"),
            fixture("TestAlsoForgotten5B", "5B", "alsoForgotten"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PointsTable.fromAnnotations(tests));
    assertEquals(
        "graded tests without @Points: TestForgotten3B ("
            + Fixture.class.getName()
            + "#forgotten, part 3B), TestAlsoForgotten5B ("
            + Fixture.class.getName()
            + "#alsoForgotten, part 5B); annotate each such test method with @Points(n)",
        e.getMessage());
  }

  @Test
  void anUngradedTestWithoutPointsIsWorthNothing() throws Exception {
    PointsTable table =
        PointsTable.fromAnnotations(
            List.of(
                fixture("TestWorthThree3A", "3A", "worthThree"),
                fixture("TestCoreThing", "core", "forgotten")));
    assertEquals(3, table.pointsOf("TestWorthThree3A"));
    assertEquals(0, table.pointsOf("TestCoreThing"));
  }

  @Test
  void pointsBelowOneAreRejected() throws Exception {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PointsTable.fromAnnotations(List.of(fixture("TestZero3A", "3A", "worthZero"))));
    assertEquals(
        "TestZero3A ("
            + Fixture.class.getName()
            + "#worthZero) has @Points(0), expected at least 1",
        e.getMessage());
  }

  @Test
  void mismatchesAreListedBothWays(@TempDir Path labs) throws Exception {
    Files.writeString(
        labs.resolve("lab9.md"),
        String.join(
            "\n",
            "| test | points | what |",
            "|---|---|---|",
            "| TestWorthThree3A | 4 | wrong points |",
            "| TestNoSuchTest3A | 2 | names no annotated test |",
            ""));
    PointsTable annotations =
        PointsTable.fromAnnotations(
            List.of(
                fixture("TestWorthThree3A", "3A", "worthThree"),
                fixture("TestWorthTwo3A", "3A", "worthTwo")));
    String at = Fixture.class.getName();
    String file = labs.resolve("lab9.md").toString();
    assertEquals(
        List.of(
            "TestWorthThree3A has @Points(3) on "
                + at
                + "#worthThree but "
                + file
                + ":3 gives 4 points",
            "TestWorthTwo3A has @Points(2) on " + at + "#worthTwo but no row in any handout table",
            file + ":4: TestNoSuchTest3A (2 points) names no test with @Points"),
        HandoutPoints.load(labs).mismatches(annotations));
  }

  @Test
  void aPointsCellThatIsNotANumberNamesFileAndLine(@TempDir Path labs) throws IOException {
    Files.writeString(
        labs.resolve("lab9.md"), "| test | points |\n|---|---|\n| TestX3A | five |\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HandoutPoints.load(labs));
    assertEquals(
        labs.resolve("lab9.md") + ":3: expected an integer in the points column, found 'five'",
        e.getMessage());
  }

  private static LabTestCatalog.LabTest fixture(String name, String part, String method)
      throws NoSuchMethodException {
    Method m = Fixture.class.getDeclaredMethod(method);
    return new LabTestCatalog.LabTest(name, 2024, part, part, Fixture.class, m);
  }

  /** Methods standing in for test methods; never run. */
  static final class Fixture {
    @Points(3)
    void worthThree() {}

    @Points(2)
    void worthTwo() {}

    @Points(0)
    void worthZero() {}

    void forgotten() {}

    void alsoForgotten() {}
  }
}
