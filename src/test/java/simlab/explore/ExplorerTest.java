package simlab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.nemesis.FaultKind;
import simlab.nemesis.Schedule;
import simlab.nemesis.ScheduleFormat;

/** The explorer end to end: determinism, shrinking and exact replay, the command line's errors. */
class ExplorerTest {
  @TempDir Path tmp;

  static Explorer.Settings settings(
      ExploredSystem system, Impls impls, Path out, int shrinkBudget) {
    return new Explorer.Settings(
        system,
        impls,
        java.util.EnumSet.allOf(FaultKind.class),
        false,
        system.defaultParams(),
        shrinkBudget,
        out,
        "test-scripts/explore " + system.cliName());
  }

  record Cli(int code, String out, String err) {}

  static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ExploreMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Cli(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void sameSeedGivesSameScheduleAndSameTraceHash() {
    for (ExploredSystem sys : List.of(ExploredSystem.RAFT, ExploredSystem.KV)) {
      Explorer.Settings s = settings(sys, Impls.REFERENCE, tmp, 0);
      RunSpec a = Explorer.specFor(s, 5);
      RunSpec b = Explorer.specFor(s, 5);
      assertEquals(a, b, sys + ": same seed, same spec");
      Outcome x = ExploreRun.run(a, null);
      Outcome y = ExploreRun.run(b, null);
      assertEquals(Outcome.Result.PASS, x.result(), x.detail());
      assertEquals(x, y, sys + ": same spec, same outcome and trace hash");
      Outcome other = ExploreRun.run(Explorer.specFor(s, 6), null);
      assertNotEquals(x.traceHash(), other.traceHash(), sys + ": another seed, another run");
    }
  }

  @Test
  void aFailureIsShrunkSavedAndReplaysExactly() throws Exception {
    Impls broken = Impls.validate(ExploredSystem.RAFT, ForgetfulApplyRaftFactory.class.getName());
    SeedResult r = Explorer.runSeed(settings(ExploredSystem.RAFT, broken, tmp, 80), 3);
    assertTrue(r.failed(), r.toString());
    assertEquals("Apply order", r.property(), r.detail());
    assertTrue(
        r.shrunkSteps() >= 1 && r.shrunkSteps() <= 2, "shrunk to " + r.shrunkSteps() + " steps");
    assertTrue(r.shrunkSteps() < r.steps());
    Path file = Path.of(r.shrunkFile());
    String text = Files.readString(file);
    assertEquals(r.shrunkSchedule(), text);
    Matcher m = Pattern.compile("trace-hash ([0-9a-f]+)").matcher(text);
    assertTrue(m.find(), text);
    String hash = m.group(1);

    // replayed through the command line: the same property and the same trace hash
    Cli replay = cli("raft", "--schedule", file.toString());
    assertEquals(1, replay.code(), replay.err());
    assertTrue(replay.out().contains("result: FAIL Apply order"), replay.out());
    assertTrue(replay.out().contains("trace-hash: " + hash), replay.out());
    assertTrue(replay.out().contains("explored: 1 seeds, passed: 0, failed: 1"), replay.out());

    // and the file is a plain schedule for the nemesis
    Schedule parsed = ScheduleFormat.parse(file.toString(), text);
    assertEquals(r.shrunkSteps(), parsed.size());

    // the shrunk failure's timeline was written beside its schedule, naming property and replay
    Path report = Path.of(r.report());
    assertEquals(tmp.resolve("raft-seed3-report/index.html"), report);
    String html = Files.readString(report);
    assertTrue(html.contains("Apply order"), "the timeline names the failed property");
    assertTrue(html.contains("--schedule " + file), "the timeline carries the replay command");

    // and --report writes one for a replayed schedule, without changing the run
    Path dir = tmp.resolve("again");
    Cli again = cli("raft", "--schedule", file.toString(), "--report", dir.toString());
    assertEquals(1, again.code(), again.err());
    assertTrue(again.out().contains("trace-hash: " + hash), again.out());
    assertTrue(again.out().contains("timeline: " + dir.resolve("index.html")), again.out());
    assertTrue(Files.size(dir.resolve("index.html")) > 10_000);
  }

  @Test
  void sweepPrintsEachFailureWithItsReplayCommandsAndTheSummaryLine() {
    Cli c =
        cli(
            "raft",
            "--seeds",
            "2",
            "--first-seed",
            "10",
            "--threads",
            "2",
            "--shrink-budget",
            "30",
            "--impl",
            ForgetfulApplyRaftFactory.class.getName(),
            "--out",
            tmp.toString());
    assertEquals(1, c.code(), c.err());
    assertTrue(c.out().contains("FAIL raft seed 10: Apply order"), c.out());
    assertTrue(
        c.out()
            .contains(
                "replay seed:     test-scripts/explore raft --impl "
                    + ForgetfulApplyRaftFactory.class.getName()
                    + " --seeds 1 --first-seed 11"),
        c.out());
    assertTrue(
        c.out()
            .contains(
                "replay shrunk:   test-scripts/explore raft --schedule "
                    + tmp.resolve("raft-seed11.txt")),
        c.out());
    assertTrue(c.out().strip().endsWith("explored: 2 seeds, passed: 0, failed: 2"), c.out());
  }

  @Test
  void badOptionsGiveOneLineAndExitCode2() {
    String[][] bad = {
      {"paxos"},
      {"kv", "--seeds", "0"},
      {"kv", "--seeds", "many"},
      {"kv", "--shard", "2/2"},
      {"kv", "--shard", "x"},
      {"kv", "--faults", "meteor"},
      {"kv", "--impl", "java.lang.String"},
      {"kv", "--impl", "no.such.Class"},
      {"raft", "--impl", "simlab.kv.ReferenceKv"},
      {"kv", "--bogus"},
      {"kv", "--schedule", tmp.resolve("missing.txt").toString()},
      {"kv", "--report", tmp.resolve("r").toString()},
      {"merge", tmp.resolve("missing.jsonl").toString()},
    };
    for (String[] args : bad) {
      Cli c = cli(args);
      String line = String.join(" ", args);
      assertEquals(2, c.code(), line + " -> " + c.err());
      assertEquals(1, c.err().strip().lines().count(), line + " -> " + c.err());
      assertFalse(
          c.err().contains("Exception") || c.err().contains("\tat "), line + " -> " + c.err());
      assertTrue(c.out().isEmpty(), line + " -> " + c.out());
    }
  }

  @Test
  void aScheduleFileOfAnotherSystemOrWithABadLineIsRejected() throws Exception {
    Path f = tmp.resolve("s.txt");
    Files.writeString(f, "# system: kv\n# seed: 3\nat 10ms crash [1] for 100ms\nat 5ms explode\n");
    Cli c = cli("kv", "--schedule", f.toString());
    assertEquals(2, c.code());
    assertTrue(c.err().contains("s.txt:4"), c.err());
    Files.writeString(f, "# system: kv\n# seed: 3\nat 10ms crash [1] for 100ms\n");
    Cli other = cli("raft", "--schedule", f.toString());
    assertEquals(2, other.code());
    assertTrue(other.err().contains("a kv schedule, not raft"), other.err());
  }

  @Test
  void mergeRefusesRecordsThatDisagree() throws Exception {
    SeedResult a =
        new SeedResult("kv", 1, "pass", "", "", "00aa", 5, -1, null, null, "r", null, null);
    SeedResult b =
        new SeedResult("kv", 1, "pass", "", "", "00bb", 5, -1, null, null, "r", null, null);
    Path fa = tmp.resolve("a.jsonl");
    Path fb = tmp.resolve("b.jsonl");
    Files.writeString(fa, ResultJson.write(a) + "\n");
    Files.writeString(fb, ResultJson.write(b) + "\n");
    Cli same = cli("merge", fa.toString(), fa.toString());
    assertEquals(0, same.code(), same.err());
    assertTrue(same.out().contains("explored: 1 seeds, passed: 1, failed: 0"), same.out());
    Cli differ = cli("merge", fa.toString(), fb.toString());
    assertEquals(2, differ.code());
    assertTrue(differ.err().contains("kv seed 1 differs between"), differ.err());
  }

  @Test
  void resultRecordsRoundTripThroughJson() {
    SeedResult r =
        new SeedResult(
            "shardkv",
            -7,
            "fail",
            "Linearizability",
            "quote \" and\nnewline",
            "ff01",
            9,
            3,
            "target/explore/x.txt",
            "# h\nat 0ms heal\n",
            "replay",
            "shrunk \\ replay",
            "target/explore/shardkv-seed-7-report/index.html");
    assertEquals(r, ResultJson.read(ResultJson.write(r)));
  }
}
