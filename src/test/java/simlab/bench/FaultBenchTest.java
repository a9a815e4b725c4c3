package simlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.sim.NetworkLatency;

/** Whole runs of the fault benchmark, small enough for a unit test. */
class FaultBenchTest {
  @TempDir Path tmp;

  private static BenchParams kv(long seed, Nemeses.Kind nemesis) {
    return new BenchParams(
        "kv", seed, 5, 4, 0, 5, 0.5, 16, 3000, 10, 1000, nemesis, 700, false, null, 10_000);
  }

  @Test
  void sameSeedAndParamsGiveByteIdenticalSummaryAndHistory() throws IOException {
    FaultBench.Result a = FaultBench.run(kv(7, Nemeses.Kind.PARTITION), tmp.resolve("a"), "test");
    FaultBench.Result b = FaultBench.run(kv(7, Nemeses.Kind.PARTITION), tmp.resolve("b"), "test");
    for (String f : new String[] {"summary.json", "history.jsonl", "schedule.txt"}) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)),
          f + " differs between two runs of seed 7");
    }
    assertTrue(a.figures().ops() > 100, "too few operations: " + a.figures().ops());
    assertEquals(a.figures(), b.figures());
    FaultBench.run(kv(8, Nemeses.Kind.PARTITION), tmp.resolve("c"), "test");
    assertNotEquals(
        Files.readString(tmp.resolve("a/history.jsonl")),
        Files.readString(tmp.resolve("c/history.jsonl")),
        "another seed should give another history");
  }

  @Test
  void theTimelineIsWrittenAndLinkedAndChangesNoFigure() throws IOException {
    FaultBench.Result plain = FaultBench.run(kv(9, Nemeses.Kind.LEADER), tmp.resolve("p"), "t");
    FaultBench.Result traced =
        FaultBench.run(kv(9, Nemeses.Kind.LEADER), tmp.resolve("t"), "t", true);
    assertEquals(plain.figures(), traced.figures(), "keeping the trace must change no figure");
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("p/history.jsonl")),
        Files.readAllBytes(tmp.resolve("t/history.jsonl")));
    assertEquals(null, plain.timeline());
    assertFalse(Files.exists(tmp.resolve("p/timeline")));
    assertEquals(tmp.resolve("t/timeline/index.html"), traced.timeline());
    String timeline = Files.readString(traced.timeline());
    assertTrue(timeline.contains("bench kv seed 9"), "the timeline names the run");
    assertTrue(
        Files.readString(tmp.resolve("t/index.html")).contains("href=\"timeline/index.html\""),
        "the bench page links its timeline");
    assertFalse(Files.readString(tmp.resolve("p/index.html")).contains("timeline/index.html"));
  }

  @Test
  void theResultsFolderHoldsValidPngsACheckableHistoryAndTheReport() throws Exception {
    FaultBench.Result r =
        FaultBench.run(kv(3, Nemeses.Kind.LEADER), tmp, "test-scripts/bench kv --seed 3");
    for (String png : new String[] {"latency-raw.png", "latency-quantiles.png", "rate.png"}) {
      byte[] bytes = Files.readAllBytes(tmp.resolve(png));
      assertArrayEquals(
          new byte[] {(byte) 0x89, 'P', 'N', 'G'},
          java.util.Arrays.copyOf(bytes, 4),
          png + " magic");
      BufferedImage img = ImageIO.read(tmp.resolve(png).toFile());
      assertEquals(BenchCharts.WIDTH, img.getWidth(), png);
      assertEquals(BenchCharts.HEIGHT, img.getHeight(), png);
    }
    var history = KvJsonLinesFormat.read(tmp.resolve("history.jsonl"));
    assertTrue(history.size() > 0);
    assertTrue(r.verdict().startsWith("ok"), r.verdict());
    assertFalse(r.violation());
    String html = Files.readString(tmp.resolve("index.html"));
    assertTrue(
        html.contains("seed 3")
            && html.contains("latency-raw.png")
            && html.contains("availability: "),
        html);
    assertTrue(Files.readString(tmp.resolve("summary.json")).contains("\"nemesis\": \"leader\""));
    assertFalse(r.faults().isEmpty());
  }

  @Test
  void aLeaderIsolationCostsAvailabilityOrLatency() throws IOException {
    FaultBench.Result quiet = FaultBench.run(kv(5, Nemeses.Kind.NONE), tmp.resolve("q"), "t");
    FaultBench.Result faulty = FaultBench.run(kv(5, Nemeses.Kind.LEADER), tmp.resolve("f"), "t");
    assertEquals(1.0, quiet.figures().availability(), 1e-12);
    assertTrue(
        faulty.figures().longestGapMs() > quiet.figures().longestGapMs(),
        "gap " + faulty.figures().longestGapMs() + " vs " + quiet.figures().longestGapMs());
  }

  @Test
  void openLoopIssuesAtTheRateWhateverHappens() throws IOException {
    BenchParams p =
        new BenchParams(
            "kv",
            2,
            5,
            1,
            200,
            5,
            0.5,
            8,
            2000,
            0,
            500,
            Nemeses.Kind.CRASH,
            500,
            false,
            NetworkLatency.ofMillis(NetworkLatency.Distribution.EXPONENTIAL, 2),
            10_000);
    FaultBench.Result r = FaultBench.run(p, tmp, "t");
    assertEquals(400, r.figures().ops()); // 200/s for 2 s
  }

  @Test
  void raftAndShardkvRun() throws IOException {
    BenchParams raft =
        new BenchParams(
            "raft",
            1,
            3,
            3,
            0,
            1,
            0,
            8,
            2000,
            10,
            1000,
            Nemeses.Kind.CRASH,
            500,
            false,
            null,
            10_000);
    FaultBench.Result r = FaultBench.run(raft, tmp.resolve("raft"), "t");
    assertTrue(r.figures().ok() > 10, "raft ok " + r.figures().ok());
    assertTrue(r.verdict().startsWith("ok (log order"), r.verdict());
    BenchParams skv =
        new BenchParams(
            "shardkv",
            1,
            3,
            3,
            0,
            10,
            0.5,
            8,
            2000,
            10,
            1000,
            Nemeses.Kind.PARTITION,
            500,
            false,
            null,
            10_000);
    FaultBench.Result s = FaultBench.run(skv, tmp.resolve("skv"), "t");
    assertTrue(s.figures().ok() > 10, "shardkv ok " + s.figures().ok());
    assertTrue(s.verdict().startsWith("ok"), s.verdict());
  }
}
