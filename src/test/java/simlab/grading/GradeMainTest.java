package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * test-scripts/grade, run in-process: bad switches stop it before any test runs (exit 2, one line
 * naming the option and the value), the graded implementation is named, warnings are listed, and
 * failures are shown in full.
 */
class GradeMainTest {

  @Test
  void anImplementationThatIsNotTheLabsFactoryStopsGradingBeforeAnyTestRuns() throws Exception {
    for (String bad :
        List.of(
            "java.lang.String",
            "simlab.raft.ReferenceRaft",
            "simlab.kv.ReferenceKv",
            "com.nope.DoesNotExist",
            "kv=simlab.kv.ReferenceKv",
            "raft=")) {
      InProcess.Result r = InProcess.grade("3A", "--impl", bad);
      assertEquals(2, r.code(), bad + ": " + r.err());
      assertTrue(r.err().startsWith("grade: --impl " + bad), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertEquals("", r.out(), "nothing may run: " + r.out());
    }
  }

  @Test
  void aBadPropertyIsRefusedLikeABadOption() throws Exception {
    try (InProcess.Properties p = new InProcess.Properties().set("sim.impl", "java.lang.String")) {
      InProcess.Result r = InProcess.grade("--test", "TestInitialElection3A");
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().startsWith("grade: -Dsim.impl=java.lang.String: not a factory"), r.err());
      assertEquals("", r.out());
    }
    try (InProcess.Properties p =
        new InProcess.Properties().set("sim.raft", "simlab.raft.ReferenceRaft")) {
      InProcess.Result r = InProcess.grade("--test", "TestInitialElection3A");
      assertEquals(2, r.code(), r.err());
      assertTrue(
          r.err().startsWith("grade: -Dsim.raft=simlab.raft.ReferenceRaft: does not implement"),
          r.err());
    }
  }

  @Test
  void optionErrorsNameTheOptionAndTheValue() throws Exception {
    InProcess.Result r = InProcess.grade("3A", "--first-seed", "abc");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("grade: --first-seed needs an integer, got 'abc'\n"), r.err());
    r = InProcess.grade("3A", "--seeds");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("grade: --seeds needs a value\n"), r.err());
    r = InProcess.grade("3A", "--impl", "--seeds", "2");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("grade: --impl needs a value\n"), r.err());
    r = InProcess.grade("3A", "--jobs", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("grade: --jobs needs a positive integer, got '0'\n"), r.err());
  }

  @Test
  void unknownOrRepeatedOptionsAreOneLineErrorsAndHelpIsNoError() throws Exception {
    InProcess.Result r = InProcess.grade("3A", "--sedes", "2");
    assertEquals(2, r.code());
    assertEquals("grade: unknown option --sedes\n", r.err());
    assertEquals("", r.out());
    r = InProcess.grade("3A", "--seeds", "2", "--seeds", "3");
    assertEquals(2, r.code());
    assertEquals("grade: --seeds given more than once\n", r.err());
    r = InProcess.grade("3A", "--test", "--jobs2");
    assertEquals(2, r.code());
    assertEquals("grade: --test needs a value, got the option '--jobs2'\n", r.err());
    r = InProcess.grade("--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: grade "), r.out());
    assertTrue(r.out().contains("--first-seed=N"), r.out());
    assertTrue(r.out().contains("Exit codes: 0 every run passed"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void theReferenceIsNamedWhenNothingIsChosen() throws Exception {
    InProcess.Result r = InProcess.grade("--test", "TestInitialElection3A");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "implementations graded:\n  3A   raft = simlab.raft.ReferenceRaftFactory (reference)\n"),
        r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(l -> l.startsWith("TestInitialElection3A") && l.endsWith("| reference")),
        r.out());
  }

  @Test
  void aWarningOfTheSuiteIsListedAndCostsNoPoints() throws Exception {
    InProcess.Result r =
        InProcess.grade(
            "--test",
            "TestInitialElection3A",
            "--impl",
            "raft=" + TermBumpingRaftFactory.class.getName());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("  3A   raft = simlab.grading.TermBumpingRaftFactory\n"), r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("TestInitialElection3A")
                        && l.contains(" 5/5 |")
                        && l.endsWith("| raft=TermBumpingRaftFactory")),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "warnings (they cost no points):\n"
                    + "  TestInitialElection3A seed 1: term changed even though there were no failures\n"),
        r.out());
  }

  @Test
  void aThrowingNodeIsShownInFullWithItsOwnFramesAndAnExactReplay() throws Exception {
    InProcess.Result r =
        InProcess.grade(
            "--test", "TestInitialElection3A", "--impl", ThrowingRaftFactory.class.getName());
    assertEquals(1, r.code(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    int at =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("  TestInitialElection3A seed 1: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out())));
    assertTrue(
        lines.get(at).contains("threw java.lang.ArrayIndexOutOfBoundsException"), lines.get(at));
    assertEquals(
        "      java.lang.ArrayIndexOutOfBoundsException: Index 0 out of bounds for length 0",
        lines.get(at + 1));
    assertEquals(
        "          at simlab.grading.ThrowingRaftFactory$Broken.countVotes(ThrowingRaftFactory.java:32)",
        lines.get(at + 2));
    assertTrue(lines.get(at + 3).contains("ThrowingRaftFactory$Broken.tick("), lines.get(at + 3));
    assertTrue(
        r.out()
            .contains(
                "replay: test-scripts/replay TestInitialElection3A --seed 1 --impl "
                    + "raft=simlab.grading.ThrowingRaftFactory\n"),
        r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("TestInitialElection3A")
                        && l.contains(" 0/5 |")
                        && l.endsWith("| raft=ThrowingRaftFactory")),
        r.out());
  }
}
