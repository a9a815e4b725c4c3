package simlab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import simlab.kv.skeleton.SkeletonKv;
import simlab.raft.skeleton.SkeletonRaftFactory;
import simlab.testing.ReplayCommand;

/**
 * The replay command a failure prints reproduces the run: with two implementation switches set as
 * the lab 4 handout shows ({@code -Dsim.kv} and {@code -Dsim.raft}), the printed command is read
 * back as a shell would, run through replay, and must give the original trace hash — while dropping
 * either switch gives another run.
 */
class ReplayExactnessTest {

  static LabTestCatalog.LabTest test(String name) {
    return LabTestCatalog.discover().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test " + name));
  }

  @Test
  void thePrintedCommandReproducesTheTraceHash() throws Exception {
    SeedRunner.Outcome original;
    try (InProcess.Properties p =
        new InProcess.Properties()
            .set("sim.kv", SkeletonKv.class.getName())
            .set("sim.raft", SkeletonRaftFactory.class.getName())) {
      original = SeedRunner.run(test("TestBasic4A"), 5, Map.of());
    }
    assertFalse(original.passed(), "the skeletons must fail TestBasic4A");
    String line =
        original
            .failure()
            .lines()
            .filter(l -> l.trim().startsWith("replay: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(original.failure()));
    String command = line.trim().substring("replay: ".length());
    assertEquals(
        "test-scripts/replay TestBasic4A --seed 5 --impl raft=simlab.raft.skeleton.SkeletonRaftFactory"
            + " --impl kv=simlab.kv.skeleton.SkeletonKv",
        command);
    assertFalse(command.contains("JAVA_TOOL_OPTIONS"), command);

    List<String> words = ReplayCommand.split(command);
    assertEquals("test-scripts/replay", words.get(0));
    InProcess.Result replay =
        InProcess.replay(words.subList(1, words.size()).toArray(String[]::new));
    assertEquals(1, replay.code(), replay.out() + replay.err());
    assertTrue(
        replay.out().contains("\ntrace-hash: " + original.traceHash() + "\n"),
        original.traceHash() + " expected in\n" + replay.out());

    // Each switch matters: without one of them the run is another one.
    InProcess.Result kvOnly =
        InProcess.replay(
            "TestBasic4A", "--seed", "5", "--impl", "kv=" + SkeletonKv.class.getName());
    assertNotEquals(hash(replay.out()), hash(kvOnly.out()));
    InProcess.Result raftOnly =
        InProcess.replay(
            "TestBasic4A", "--seed", "5", "--impl", "raft=" + SkeletonRaftFactory.class.getName());
    assertNotEquals(hash(replay.out()), hash(raftOnly.out()));
  }

  @Test
  void classNamesAShellWouldMangleAreQuotedAndReadBack() {
    String cmd =
        ReplayCommand.format("TestBasic4A", 7, List.of("kv=com.example.Outer$Inner", "raft=a.B"));
    assertEquals(
        "test-scripts/replay TestBasic4A --seed 7 --impl 'kv=com.example.Outer$Inner' --impl raft=a.B",
        cmd);
    assertEquals(
        List.of(
            "test-scripts/replay",
            "TestBasic4A",
            "--seed",
            "7",
            "--impl",
            "kv=com.example.Outer$Inner",
            "--impl",
            "raft=a.B"),
        ReplayCommand.split(cmd));
  }

  private static String hash(String replayOut) {
    return replayOut
        .lines()
        .filter(l -> l.startsWith("trace-hash: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(replayOut));
  }
}
