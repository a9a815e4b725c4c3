package simlab.shardkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import simlab.cli.CheckHistoryCommand;
import simlab.harness.ClientLoop;
import simlab.harness.KvHistory;
import simlab.harness.ShardCluster;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * The lab 5 harness itself: runs are deterministic, and a bad history fails with its HTML page and
 * a JSONL copy.
 */
class ShardHarnessTest {

  /**
   * A run that keeps its trace publishes Raft status for every group: each shard group's servers
   * and the controller's replicas get their lanes in the run report, not only plain KV.
   */
  @Test
  void everyRaftGroupPublishesItsStatusForTheReport() {
    Simulation sim = new Simulation(4, true);
    ShardCluster cfg =
        new ShardCluster(
            sim,
            false,
            -1,
            new ReferenceRaftFactory(),
            new ReferenceShardCtrlerFactory(),
            new ReferenceShardKvFactory());
    cfg.join(0);
    sim.runFor(Duration.ofSeconds(2));
    java.util.Set<String> statusNodes = new java.util.TreeSet<>();
    boolean leaderSeen = false;
    for (simlab.sim.TraceRecord r : sim.trace().records()) {
      if (r.kind() == simlab.sim.TraceKind.STATUS) {
        statusNodes.add(r.node());
        leaderSeen |= r.what().contains("role=leader");
      }
    }
    for (String node : cfg.ctl().servers()) {
      assertTrue(statusNodes.contains(node), node + " has no status lane: " + statusNodes);
    }
    for (int i = 0; i < 3; i++) {
      String node = "shardkv-" + cfg.gid(0) + "-" + i;
      assertTrue(statusNodes.contains(node), node + " has no status lane: " + statusNodes);
    }
    assertTrue(leaderSeen, "some group elected a leader");
  }

  /** A short join/append/leave run with concurrent clients; returns its trace hash. */
  private static String run(long seed) {
    Simulation sim = new Simulation(seed);
    ShardCluster cfg =
        new ShardCluster(
            sim,
            true,
            100,
            new ReferenceRaftFactory(),
            new ReferenceShardCtrlerFactory(),
            new ReferenceShardKvFactory());
    KvHistory h = new KvHistory(sim);
    ShardKvClerk ck = cfg.makeClient();
    cfg.join(0);
    List<ClientLoop> loops =
        List.of(0, 1, 2).stream()
            .map(
                i -> {
                  ShardKvClerk c = cfg.makeClient();
                  return new ClientLoop(
                      sim, Duration.ofMillis(5), () -> h.append(i, c, Integer.toString(i), "x"));
                })
            .toList();
    loops.forEach(ClientLoop::start);
    cfg.join(1);
    sim.runFor(Duration.ofMillis(500));
    cfg.leave(0);
    sim.runFor(Duration.ofMillis(500));
    loops.forEach(ClientLoop::stop);
    assertTrue(
        sim.runUntil(() -> loops.stream().allMatch(ClientLoop::idle), Duration.ofSeconds(30)));
    String v = cfg.get(ck, "1");
    assertEquals(
        "x".repeat((int) loops.get(1).completed()),
        v,
        "every completed append applied exactly once");
    h.checkLinearizable("ShardHarnessTest", seed);
    return sim.trace().hashHex();
  }

  @Test
  void sameSeedSameTraceDifferentSeedDifferentTrace() {
    String a = run(11);
    assertEquals(
        a, run(11), "same seed must give the same trace hash (no map-order or clock dependence)");
    assertNotEquals(a, run(12));
  }

  /** A clerk whose answers are scripted: a Get that sees a value nobody wrote. */
  private static final class LyingClerk implements ShardKvClerk {
    @Override
    public SimFuture<String> get(String key) {
      return SimFuture.completed("never-written");
    }

    @Override
    public SimFuture<Void> put(String key, String value) {
      return SimFuture.completed(null);
    }

    @Override
    public SimFuture<Void> append(String key, String value) {
      return SimFuture.completed(null);
    }

    @Override
    public SimFuture<Void> delete(String key) {
      return SimFuture.completed(null);
    }
  }

  @Test
  void nonLinearizableHistoryFailsAndWritesHtml() throws Exception {
    Simulation sim = new Simulation(3);
    KvHistory h = new KvHistory(sim);
    LyingClerk ck = new LyingClerk();
    h.put(1, ck, "k", "a");
    sim.runFor(Duration.ofMillis(1));
    h.get(2, ck, "k");
    Path out = Path.of("target", "histories", "ShardHarnessLying-seed3.html");
    Path jsonl = Path.of("target", "histories", "ShardHarnessLying-seed3.jsonl");
    Files.deleteIfExists(out);
    Files.deleteIfExists(jsonl);
    AssertionError e =
        assertThrows(AssertionError.class, () -> h.checkLinearizable("ShardHarnessLying", 3));
    assertTrue(e.getMessage().contains("not linearizable"), e.getMessage());
    assertTrue(e.getMessage().contains(out.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains(jsonl.toAbsolutePath().toString()), e.getMessage());
    assertTrue(Files.size(out) > 0, "HTML written");
    assertEquals(
        h.operations(), KvJsonLinesFormat.read(jsonl), "the JSONL file holds the checked history");
    StringWriter verdict = new StringWriter();
    CommandLine cl = new CommandLine(new CheckHistoryCommand());
    cl.setOut(new PrintWriter(verdict));
    assertEquals(1, cl.execute(jsonl.toString()));
    assertEquals(
        "not linearizable",
        verdict.toString().strip(),
        "check-history re-checks the saved history");
  }
}
