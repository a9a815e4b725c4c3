package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The year switch: which tests make up each year's suites, and grade's and replay's {@code --year}
 * (bad values, names that repeat across years, replay commands that say the year, parts a build
 * does not have).
 */
class YearSwitchTest {
  private static final String SKELETON = "kvsrv1=simlab.kvsrv1.skeleton.SkeletonKvSrv1";

  @Test
  void yearsComeFromTheTagAndPartsDropThePrefix() {
    assertEquals(2025, LabTestCatalog.yearOfTag("2025-4A"));
    assertEquals("4A", LabTestCatalog.partOfTag("2025-4A"));
    assertEquals(2024, LabTestCatalog.yearOfTag("4A"));
    assertEquals("4A", LabTestCatalog.partOfTag("4A"));
    assertEquals(2025, LabTestCatalog.parseYear(" 2025"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> LabTestCatalog.parseYear("2023"));
    assertEquals("needs 2024 or 2025, got '2023'", e.getMessage());
  }

  @Test
  void the2025SuitesAre2025ClassesPlus2024RaftWithoutTheTwoReplacedTests() {
    List<LabTestCatalog.LabTest> all = LabTestCatalog.discover();
    List<LabTestCatalog.LabTest> y24 = LabTestCatalog.forYear(2024, all);
    List<LabTestCatalog.LabTest> y25 = LabTestCatalog.forYear(2025, all);
    assertTrue(y24.stream().noneMatch(t -> t.tag().startsWith("2025-")), "2025 class in 2024");
    assertTrue(y25.stream().allMatch(t -> t.year() == 2025));
    for (String replaced : LabTestCatalog.REPLACED_IN_2025) {
      List<LabTestCatalog.LabTest> in25 =
          y25.stream().filter(t -> t.name().equals(replaced)).toList();
      assertEquals(1, in25.size(), replaced + " in 2025: " + in25);
      assertEquals("2025-3D", in25.get(0).tag(), replaced + " must be the 2025 variant");
      assertTrue(
          y24.stream().anyMatch(t -> t.name().equals(replaced) && t.tag().equals("3D")),
          replaced + " must stay in 2024");
    }
    for (String shared : List.of("TestBasicAgree3B", "TestFigure83C", "TestSnapshotBasic3D")) {
      assertTrue(y25.stream().anyMatch(t -> t.name().equals(shared)), shared + " missing in 2025");
    }
    // 2024's lab 2 and KV parts are not part of 2025.
    assertTrue(y25.stream().noneMatch(t -> t.name().equals("TestBasic2")));
    assertTrue(y25.stream().anyMatch(t -> t.name().equals("TestReliablePut")));
    // Within a year a name is one test.
    for (List<LabTestCatalog.LabTest> year : List.of(y24, y25)) {
      Set<String> names = new HashSet<>();
      for (LabTestCatalog.LabTest t : year) {
        if (t.graded()) {
          assertTrue(names.add(t.name()), "two graded tests named " + t.name());
        }
      }
    }
  }

  @Test
  void missingPartsAreThoseOfTheYearWithoutTests() throws Exception {
    Method m = YearSwitchTest.class.getDeclaredMethod("fixture");
    List<LabTestCatalog.LabTest> only2and3A =
        List.of(
            new LabTestCatalog.LabTest("TestA", 2025, "2", "2025-2", YearSwitchTest.class, m),
            new LabTestCatalog.LabTest("TestB", 2025, "3A", "3A", YearSwitchTest.class, m));
    assertEquals(Set.of("2", "3A"), LabTestCatalog.partsPresent(2025, only2and3A));
    assertEquals(
        Set.of("3B", "3C", "3D", "4A", "4B", "4C", "5A", "5B", "5C"),
        LabTestCatalog.partsMissing(2025, only2and3A));
  }

  private static String hash(String replayOut) {
    return replayOut
        .lines()
        .filter(l -> l.startsWith("trace-hash: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no trace-hash line in " + replayOut));
  }

  /** Stands in for a test method in {@link #missingPartsAreThoseOfTheYearWithoutTests}. */
  private void fixture() {}

  @Test
  void aBadYearIsOneLineAndExitTwo() throws Exception {
    InProcess.Result r = InProcess.grade("--year", "2023");
    assertEquals(2, r.code());
    assertEquals("grade: --year needs 2024 or 2025, got '2023'\n", r.err());
    assertEquals("", r.out());
    r = InProcess.replay("TestBasic2", "--seed", "1", "--year", "next");
    assertEquals(2, r.code());
    assertEquals("replay: --year needs 2024 or 2025, got 'next'\n", r.err());
    assertEquals("", r.out());
    r = InProcess.grade("2025-2");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("grade: part 2025-2 is a 2025 part; add --year 2025"), r.err());
  }

  @Test
  void aNameIsLookedUpInTheChosenYear() throws Exception {
    InProcess.Result r = InProcess.replay("TestReliablePut", "--seed", "1");
    assertEquals(2, r.code());
    assertEquals(
        "replay: no simulated test named TestReliablePut in 2024's suites (it is a 2025 test:"
            + " add --year 2025)\n",
        r.err());
    r = InProcess.grade("--year", "2024", "--test", "TestReliablePut");
    assertEquals(2, r.code());
    assertEquals("grade: no graded tests of 2024 match tests [TestReliablePut]\n", r.err());
  }

  @Test
  void aRepeatedNameRunsTheChosenYearsTest() throws Exception {
    InProcess.Result r24 = InProcess.replay("TestSnapshotInit3D", "--seed", "2");
    InProcess.Result r25 = InProcess.replay("TestSnapshotInit3D", "--seed", "2", "--year", "2025");
    assertEquals(0, r24.code(), r24.out() + r24.err());
    assertEquals(0, r25.code(), r25.out() + r25.err());
    // Same name, same seed, another test: 2025's runs on the unreliable network.
    assertNotEquals(hash(r24.out()), hash(r25.out()), r24.out() + r25.out());
    assertEquals(
        hash(r25.out()),
        hash(InProcess.replay("TestSnapshotInit3D", "--seed", "2", "--year", "2025").out()));
  }

  @Test
  void gradeShowsTheYearAndA2025FailureReplaysWithItsYear() throws Exception {
    InProcess.Result ok = InProcess.grade("--year", "2025", "--test", "TestReliablePut");
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("test            | year | part |"), ok.out());
    assertTrue(
        ok.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("TestReliablePut")
                        && l.contains("| 2025 | 2    |")
                        && l.contains(" 5/5 |")),
        ok.out());
    InProcess.Result bad =
        InProcess.grade("--year", "2025", "--test", "TestReliablePut", "--impl", SKELETON);
    assertEquals(1, bad.code(), bad.out() + bad.err());
    assertTrue(
        bad.out()
            .contains(
                "replay: test-scripts/replay TestReliablePut --seed 1 --year 2025 --impl "
                    + SKELETON),
        bad.out());
  }

  @Test
  void aPartThisBuildLacksIsRefusedNotCounted() throws Exception {
    Set<String> missing = LabTestCatalog.partsMissing(2025, LabTestCatalog.forYear(2025));
    Assumptions.assumeFalse(missing.isEmpty(), "every 2025 part is in this build");
    String part = missing.iterator().next();
    InProcess.Result r = InProcess.grade("--year", "2025", part);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().startsWith("grade: part " + part + " of 2025 has no tests in this build"), r.err());
    assertEquals("", r.out());
  }
}
