package simlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures on hand-made histories (times in ms, converted to ns). */
class MetricsTest {
  private static final long MS = 1_000_000L;

  private static OpRecord ok(int p, long callMs, long endMs) {
    return new OpRecord(p, "put", "k0", "v", null, callMs * MS, endMs * MS, true);
  }

  private static OpRecord failed(int p, long callMs, long endMs) {
    return new OpRecord(p, "put", "k0", "v", null, callMs * MS, endMs * MS, false);
  }

  @Test
  void availabilityIsOkOverAttempted() {
    List<OpRecord> ops =
        List.of(ok(0, 0, 10), failed(1, 0, 1000), ok(0, 10, 20), failed(2, 20, 1020));
    Figures f = Metrics.compute(ops, List.of(), 2000 * MS, 40, 4000);
    assertEquals(4, f.ops());
    assertEquals(2, f.ok());
    assertEquals(2, f.failed());
    assertEquals(0.5, f.availability(), 1e-12);
    assertEquals(1.0, f.throughput(), 1e-12); // 2 ok in 2 s
    assertEquals(20.0, f.messagesPerOp(), 1e-12); // per successful op
    assertEquals(2000.0, f.bytesPerOp(), 1e-12);
  }

  @Test
  void longestGapCountsTheStartTheMiddleAndTheEnd() {
    // completions at 100, 150, 900 over a 1000 ms run: gaps 100, 50, 750, 100
    List<OpRecord> ops =
        List.of(ok(0, 0, 100), ok(0, 100, 150), ok(1, 140, 900), failed(2, 200, 950));
    assertEquals(750.0, Metrics.compute(ops, List.of(), 1000 * MS, 0, 0).longestGapMs(), 1e-9);
    // the end: last completion at 300 of a 1000 ms run
    assertEquals(
        700.0,
        Metrics.compute(List.of(ok(0, 0, 300)), List.of(), 1000 * MS, 0, 0).longestGapMs(),
        1e-9);
    // nothing succeeds: the whole run is one gap
    assertEquals(
        1000.0,
        Metrics.compute(List.of(failed(0, 0, 1000)), List.of(), 1000 * MS, 0, 0).longestGapMs(),
        1e-9);
  }

  @Test
  void recoveryIsFromEachFaultStartAndEndToTheNextSuccess() {
    // fault [200, 600); successes end at 100, 250, 700, 720
    List<OpRecord> ops =
        List.of(
            ok(0, 90, 100),
            ok(0, 240, 250),
            failed(1, 300, 1300),
            ok(0, 650, 700),
            ok(0, 710, 720));
    Figures f =
        Metrics.compute(ops, List.of(new FaultWindow(200 * MS, 600 * MS, "x")), 2000 * MS, 0, 0);
    assertEquals(List.of(50.0, 100.0), f.recoveryMs());
    assertEquals(0, f.unrecovered());
    assertEquals(100.0, f.recoveryMax(), 1e-9);
    assertEquals(50.0, f.recoveryP50(), 1e-9);
  }

  @Test
  void aFaultWithNoLaterSuccessIsUnrecovered() {
    List<OpRecord> ops = List.of(ok(0, 0, 100));
    Figures f =
        Metrics.compute(ops, List.of(new FaultWindow(200 * MS, 600 * MS, "x")), 1000 * MS, 0, 0);
    assertEquals(List.of(), f.recoveryMs());
    assertEquals(2, f.unrecovered());
  }

  @Test
  void latencyQuantilesAreNearestRankOverSuccessesOnly() {
    List<OpRecord> ops = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      ops.add(ok(0, 0, i)); // latencies 1..100 ms
    }
    ops.add(failed(1, 0, 5000));
    Figures.Quantiles q = Metrics.compute(ops, List.of(), 10_000 * MS, 0, 0).latency();
    assertEquals(50.0, q.p50(), 1e-9);
    assertEquals(90.0, q.p90(), 1e-9);
    assertEquals(99.0, q.p99(), 1e-9);
    assertEquals(100.0, q.p999(), 1e-9);
    assertEquals(100.0, q.max(), 1e-9);
  }

  @Test
  void perSecondBucketsByEndTime() {
    List<OpRecord> ops =
        List.of(ok(0, 0, 10), ok(0, 10, 999), failed(1, 0, 1000), ok(0, 1500, 2500));
    long[][] s = Metrics.perSecond(ops, 3000 * MS);
    assertEquals(3, s.length);
    assertEquals(2, s[0][0]);
    assertEquals(0, s[0][1]);
    assertEquals(0, s[1][0]);
    assertEquals(1, s[1][1]);
    assertEquals(1, s[2][0]);
  }

  @Test
  void logOrderCatchesAnAcknowledgedCommandOvertaken() {
    OpRecord a = new OpRecord(0, "start", "log", "1", "5", 0, 10 * MS, true);
    OpRecord b = new OpRecord(1, "start", "log", "2", "4", 20 * MS, 30 * MS, true);
    // b was proposed after a was acknowledged, so it must sit above it
    assertEquals(null, LogOrder.check(List.of(a, b), v -> v.equals("1") ? 4 : 5));
    String problem = LogOrder.check(List.of(a, b), v -> v.equals("1") ? 5 : 4);
    assertEquals(
        "command 2 (index 4) was proposed after command 1 (index 5) was acknowledged", problem);
  }
}
