package simlab.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("core")
class ScheduleFormatTest {
  private static final Topology FIVE = Topology.oneGroup(List.of("n0", "n1", "n2", "n3", "n4"));

  @Test
  void everyStepKindRoundTrips() {
    Schedule s =
        Schedule.of(
            new Step.Partition(1200, NodeSet.Ids.of(0, 1), NodeSet.Ids.of(2, 3, 4), 800),
            new Step.Partition(1300, NodeSet.MINORITY, NodeSet.REST, 100),
            new Step.Isolate(1400, NodeSet.LEADER, 500),
            new Step.Bridge(1500, List.of(0, 1), List.of(2), List.of(3, 4), 600),
            new Step.Cut(1600, NodeSet.LEADER, NodeSet.REST, 700),
            new Step.Cut(1600, NodeSet.Ids.of(3), NodeSet.Ids.of(1), 700),
            new Step.Crash(1700, NodeSet.Ids.of(2), 900),
            new Step.Crash(1800, NodeSet.MINORITY, 900),
            new Step.Crash(1900, NodeSet.ALL, 300),
            new Step.CrashLeaderAfterStart(2000, 400),
            new Step.CtrlerCut(2100, 900),
            new Step.CrashAfterCommit(2050, NodeSet.ALL, 400),
            new Step.Unreliable(2100, 1000),
            new Step.Reorder(2200, 1000),
            new Step.Duplicate(2250, 700),
            new Step.Clog(2300, NodeSet.Ids.of(4), 250),
            new Step.Clog(2300, NodeSet.LEADER, 250),
            new Step.Heal(5000));
    String text = ScheduleFormat.print(s);
    assertEquals(s, ScheduleFormat.parse("t.txt", text));
    assertTrue(
        text.startsWith(
            "at 1200ms partition [0 1] [2 3 4] for 800ms\nat 1300ms partition minority for 100ms\n"),
        text);
    assertTrue(text.contains("at 1600ms cut leader -> rest for 700ms\n"), text);
    assertTrue(text.contains("at 2050ms crash-after-commit all for 400ms\n"), text);
    assertTrue(text.contains("at 2250ms duplicate for 700ms\n"), text);
    assertTrue(text.endsWith("at 5000ms heal\n"), text);
  }

  @Test
  void generatedSchedulesRoundTrip() {
    for (long seed = 1; seed <= 300; seed++) {
      Schedule g = ScheduleGenerator.generate(seed, FIVE, GeneratorConfig.defaults());
      assertEquals(g, ScheduleFormat.parse("gen", ScheduleFormat.print(g)), "seed " + seed);
      Schedule w =
          ScheduleGenerator.swarm(seed, ShardTopology.TOPOLOGY, GeneratorConfig.defaults());
      assertEquals(w, ScheduleFormat.parse("swarm", w.toString()), "swarm seed " + seed);
    }
  }

  @Test
  void commentsBlankLinesAndSpacingAreAccepted() {
    String text =
        "# a hand-written schedule\n\n  at 10ms   crash [1]   for 5ms  # one node\nat 20ms heal\n";
    assertEquals(
        Schedule.of(new Step.Crash(10, NodeSet.Ids.of(1), 5), new Step.Heal(20)),
        ScheduleFormat.parse("hand.txt", text));
  }

  @Test
  void badInputNamesFileLineAndWhatWasExpected() {
    assertError(
        "at 10ms partition [0 1] [2] for 5ms\nat 20 heal",
        "f.txt:2: expected a time like 1200ms after 'at', got '20'");
    assertError(
        "crash [1] for 5ms", "f.txt:1: expected 'at <time>ms' at the start of a step, got 'crash'");
    assertError(
        "at 10ms explode [1] for 5ms",
        "f.txt:1: expected a fault (partition, isolate, bridge, cut, crash, "
            + "crash-leader-after-start, crash-after-commit, unreliable, reorder, duplicate, clog,"
            + " ctrler-cut) or heal, got 'explode'");
    assertError(
        "at 10ms crash [1]",
        "f.txt:1: expected 'for <duration>ms' after the fault, got the end of the line");
    assertError("at 10ms crash [1] for 0ms", "f.txt:1: expected a duration > 0ms, got 0ms");
    assertError("at 10ms crash [1 x] for 5ms", "f.txt:1: expected a node index or ']', got 'x'");
    assertError("at 10ms crash [1 1] for 5ms", "f.txt:1: node listed twice: [1, 1]");
    assertError(
        "at 10ms partition [0 1] [1 2] for 5ms",
        "f.txt:1: the sides of a partition overlap: [0 1] [1 2]");
    assertError("at 10ms heal for 5ms", "f.txt:1: expected the end of the line, got 'for'");
    assertError(
        "at 10ms cut [0] [1] for 5ms",
        "f.txt:1: expected '->' between the senders and the receivers of the cut, got '['");
    assertError(
        "at 10ms crash rest for 5ms",
        "f.txt:1: 'rest' is only allowed as a partition's second side or a cut's target");
    ScheduleParseException e =
        assertThrows(
            ScheduleParseException.class,
            () ->
                ScheduleFormat.parse(
                    "f.txt", "\n# c\nat 1ms heal\nat 2ms clog sometimes for 1ms\n"));
    assertEquals(4, e.line());
    assertEquals("f.txt", e.source());
  }

  @Test
  void validationNamesTheStepAndTheMissingNode() {
    Schedule s = ScheduleFormat.parse("f", "at 1ms crash [7] for 1ms\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.validate(FIVE));
    assertEquals(
        "step 1 (at 1ms crash [7] for 1ms): node 7 does not exist; the target has nodes 0..4",
        e.getMessage());
  }

  @Test
  void shrinkingMovesKeepScheduleValuesComparable() {
    Schedule s =
        ScheduleFormat.parse(
            "f", "at 100ms crash [1] for 400ms\nat 300ms unreliable for 1000ms\nat 2000ms heal\n");
    assertEquals(
        ScheduleFormat.parse("f", "at 300ms unreliable for 1000ms\nat 2000ms heal\n"),
        s.withoutStep(0));
    assertEquals(ScheduleFormat.parse("f", "at 2000ms heal\n"), s.withoutSteps(0, 2));
    assertEquals(
        ScheduleFormat.parse("f", "at 100ms crash [1] for 1200ms\nat 2000ms heal\n"),
        s.withMerged(0));
    assertEquals(
        ScheduleFormat.parse(
            "f", "at 100ms crash [1] for 200ms\nat 300ms unreliable for 500ms\nat 2000ms heal\n"),
        s.withDurationsScaled(0.5));
    assertEquals(2000, s.endMs());
    assertTrue(s.endsWithHeal());
    assertTrue(!s.withoutStep(2).endsWithHeal());
    assertEquals(new Step.Heal(1300), s.withoutStep(2).withFinalHeal().step(2));
    assertNotEquals(s, s.withDurationsScaled(0.5));
    assertEquals(s.hashCode(), ScheduleFormat.parse("g", s.toString()).hashCode());
  }

  @Test
  void theReadmeExampleParsesAndRoundTrips() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    int start = readme.indexOf("```\n# 5 Raft servers");
    assertTrue(start >= 0, "README example not found");
    String block = readme.substring(start + 4, readme.indexOf("```", start + 4));
    Schedule s = ScheduleFormat.parse("README.md", block);
    assertEquals(14, s.size());
    assertTrue(s.endsWithHeal());
    s.validate(FIVE);
    assertEquals(s, ScheduleFormat.parse("again", s.toString()));
  }

  private static void assertError(String text, String message) {
    ScheduleParseException e =
        assertThrows(ScheduleParseException.class, () -> ScheduleFormat.parse("f.txt", text));
    assertEquals(message, e.getMessage());
  }
}
