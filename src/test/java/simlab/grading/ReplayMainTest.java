package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * test-scripts/replay, run in-process: option errors name the option and the value, a trace path
 * that cannot be written is an option error checked before the run (and a trace that fails to write
 * never changes the verdict), bad implementations stop it, and a throwing node's frames and the
 * suite's warnings are shown.
 */
class ReplayMainTest {
  private static final String TEST = "TestInitialElection3A";

  @Test
  void aSeedThatIsNoNumberIsNamed() throws Exception {
    InProcess.Result r = InProcess.replay(TEST, "--seed", "abc");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("replay: --seed needs an integer, got 'abc'\n"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMissingValueNamesItsOption() throws Exception {
    InProcess.Result r = InProcess.replay(TEST, "--seed");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("replay: --seed needs a value\n"), r.err());
    r = InProcess.replay(TEST, "--trace", "--seed", "1");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("replay: --trace needs a value\n"), r.err());
    r = InProcess.replay(TEST);
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("replay: --seed N is required\n"), r.err());
  }

  @Test
  void aSecondTestNameOrAnUnknownOptionIsRefusedAndHelpIsNoError() throws Exception {
    InProcess.Result r = InProcess.replay(TEST, "TestReElection3A", "--seed", "1");
    assertEquals(2, r.code());
    assertEquals("replay: one test name only, got " + TEST + " and TestReElection3A\n", r.err());
    r = InProcess.replay(TEST, "--sed", "1");
    assertEquals(2, r.code());
    assertEquals("replay: unknown option --sed\n", r.err());
    r = InProcess.replay("--seed", "1");
    assertEquals(2, r.code());
    assertEquals("replay: a test name is required\n", r.err());
    r = InProcess.replay("-h");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: replay <TestName> --seed=N"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void anUnwritableTracePathIsAnOptionErrorBeforeTheRun(@TempDir Path dir) throws Exception {
    InProcess.Result r =
        InProcess.replay(TEST, "--seed", "1", "--trace", "/nonexistent-simlab-dir/t.jsonl");
    assertEquals(2, r.code());
    assertEquals(
        "replay: --trace /nonexistent-simlab-dir/t.jsonl: directory /nonexistent-simlab-dir does not exist\n",
        r.err());
    assertEquals("", r.out(), "nothing may run");
    r = InProcess.replay(TEST, "--seed", "1", "--trace", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(": is a directory; give a file name"), r.err());
  }

  @Test
  void aTraceThatCannotBeWrittenDoesNotChangeTheVerdict() {
    LabTestCatalog.LabTest t = ReplayExactnessTest.test(TEST);
    SeedRunner.Outcome r =
        SeedRunner.run(t, 1, Map.of("sim.trace", "/nonexistent-simlab-dir/t.jsonl"));
    assertTrue(r.passed(), r.failure());
    assertNotNull(r.traceError());
    assertTrue(r.traceError().contains("/nonexistent-simlab-dir/t.jsonl"), r.traceError());
  }

  @Test
  void aTraceFileIsNeverOverwrittenByAnotherRun(@TempDir Path dir) throws Exception {
    String file = dir.resolve("t.jsonl").toString();
    SeedRunner.Outcome a =
        SeedRunner.run(ReplayExactnessTest.test(TEST), 1, Map.of("sim.trace", file));
    SeedRunner.Outcome b =
        SeedRunner.run(ReplayExactnessTest.test("TestReElection3A"), 1, Map.of("sim.trace", file));
    SeedRunner.Outcome c =
        SeedRunner.run(ReplayExactnessTest.test(TEST), 2, Map.of("sim.trace", file));
    assertEquals(file, a.traceFile());
    assertEquals(dir.resolve("t-TestReElection3A-seed1.jsonl").toString(), b.traceFile());
    assertEquals(dir.resolve("t-TestInitialElection3A-seed2.jsonl").toString(), c.traceFile());
    assertNull(b.traceError());
    List<String> first = Files.readAllLines(Path.of(a.traceFile()));
    List<String> second = Files.readAllLines(Path.of(b.traceFile()));
    assertNotEquals(first, second);
    // Replaying the run that owns the file writes it again, byte for byte.
    SeedRunner.Outcome again =
        SeedRunner.run(ReplayExactnessTest.test(TEST), 1, Map.of("sim.trace", file));
    assertEquals(file, again.traceFile());
    assertEquals(first, Files.readAllLines(Path.of(file)));
  }

  @Test
  void anImplementationOfAnotherLabIsRefused() throws Exception {
    InProcess.Result r = InProcess.replay(TEST, "--seed", "1", "--impl", "simlab.kv.ReferenceKv");
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .startsWith(
                "replay: --impl simlab.kv.ReferenceKv: not a factory of the labs being run"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aThrowingNodeShowsItsFramesAndTheImplementationIsNamed() throws Exception {
    InProcess.Result r =
        InProcess.replay(
            TEST, "--seed", "3", "--impl", "raft=" + ThrowingRaftFactory.class.getName());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(
        r.out().startsWith("implementation: raft = simlab.grading.ThrowingRaftFactory\n"), r.out());
    assertTrue(
        r.out()
            .contains(
                "\n      at simlab.grading.ThrowingRaftFactory$Broken.countVotes(ThrowingRaftFactory.java:32)\n"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "replay: test-scripts/replay TestInitialElection3A --seed 3 --impl "
                    + "raft=simlab.grading.ThrowingRaftFactory"),
        r.out());
    assertTrue(r.out().contains("\nresult: FAIL\n"), r.out());
  }

  @Test
  void theSuitesWarningIsShown() throws Exception {
    InProcess.Result r =
        InProcess.replay(TEST, "--seed", "1", "--impl", TermBumpingRaftFactory.class.getName());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(
        r.out().contains("warning: term changed even though there were no failures\n"), r.out());
    assertTrue(r.out().contains("result: PASS\n"), r.out());
  }
}
