package simlab.netkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import simlab.linearizability.CheckResult;
import simlab.linearizability.LinearizabilityChecker;
import simlab.linearizability.Operation;
import simlab.linearizability.Verdict;
import simlab.linearizability.format.KvJsonLinesFormat;
import simlab.linearizability.model.KvInput;
import simlab.linearizability.model.KvModel;
import simlab.linearizability.model.KvOutput;

/**
 * A 3-node KV-on-Raft cluster on loopback inside this JVM: real sockets, one event loop per node,
 * data directories on disk. Timeouts are generous because the machine may be loaded; the work
 * itself takes a few seconds.
 */
class LocalClusterTest {
  /** One operation's patience: elections on a loaded machine can take seconds. */
  private static final Duration OP = Duration.ofSeconds(30);

  private static final Duration ELECTION = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void operationsLeaderCrashAndRestartFromDisk() throws Exception {
    try (LocalCluster cluster = new LocalCluster(dir, 3)) {
      cluster.startAll();
      cluster.awaitLeader(ELECTION);
      try (KvClient client = cluster.client(null)) {
        client.put("a", "1", OP);
        assertEquals(Optional.of("1"), client.get("a", OP));
        client.append("a", "2", OP);
        assertEquals(Optional.of("12"), client.get("a", OP));
        client.delete("a", OP);
        assertEquals(Optional.empty(), client.get("a", OP), "a deleted key reads as missing");
        assertEquals(Optional.empty(), client.get("never-written", OP));
        client.put("empty", "", OP);
        assertEquals(
            Optional.of(""), client.get("empty", OP), "an empty value is not a missing key");
        for (int i = 0; i < 5; i++) {
          client.put("k" + i, "v" + i, OP);
        }

        String leader = cluster.awaitLeader(ELECTION);
        cluster.stop(leader);
        String next = cluster.awaitLeader(ELECTION);
        assertNotEquals(leader, next);
        client.append("k0", "+after-crash", OP);
        client.put("late", "yes", OP);

        // Every node down, then all back from their data directories only.
        cluster.start(leader);
        cluster.close();
        cluster.startAll();
        cluster.awaitLeader(ELECTION);
        assertEquals(Optional.of("v0+after-crash"), client.get("k0", OP));
        for (int i = 1; i < 5; i++) {
          assertEquals(Optional.of("v" + i), client.get("k" + i, OP));
        }
        assertEquals(Optional.of("yes"), client.get("late", OP));
        assertEquals(Optional.empty(), client.get("a", OP));
      }
      assertEquals(List.of(), cluster.failures);
    }
  }

  @Test
  @Timeout(120)
  void concurrentClientsThroughALeaderCrashLeaveALinearizableHistory() throws Exception {
    Path historyFile = dir.resolve("history.jsonl");
    try (LocalCluster cluster = new LocalCluster(dir, 3);
        HistoryLog history = new HistoryLog(historyFile)) {
      cluster.startAll();
      cluster.awaitLeader(ELECTION);
      int clients = 3;
      AtomicInteger done = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      long stopAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      for (int c = 0; c < clients; c++) {
        int me = c;
        Thread t =
            new Thread(
                () -> {
                  try (KvClient client = cluster.client(history)) {
                    // At least 4 operations each however slow the machine (a loaded machine
                    // spent the whole 3 s on the first ones), then until stopAt.
                    for (int i = 0; (i < 4 || System.nanoTime() < stopAt) && i < 200; i++) {
                      String key = "key" + (i % 2);
                      switch (i % 3) {
                        case 0 -> client.append(key, "x" + me + "." + i + ";", OP);
                        case 1 -> client.get(key, OP);
                        default -> client.put(key, "p" + me + "." + i + ";", OP);
                      }
                      done.incrementAndGet();
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                },
                "workload-client-" + c);
        threads.add(t);
        t.start();
      }
      Thread.sleep(1000);
      cluster.stop(cluster.awaitLeader(ELECTION));
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(90).toMillis());
      }
      assertEquals(List.of(), errors);
      assertEquals(List.of(), cluster.failures);
      List<Operation<KvInput, KvOutput>> ops = KvJsonLinesFormat.read(historyFile);
      assertEquals(done.get(), ops.size(), "one history line per completed operation");
      assertTrue(ops.size() >= 9, "the workload ran only " + ops.size() + " operations");
      CheckResult<KvInput, KvOutput> r =
          LinearizabilityChecker.check(new KvModel(), ops, Duration.ofSeconds(20));
      assertEquals(Verdict.LINEARIZABLE, r.verdict(), "history in " + historyFile);
    }
  }

  /**
   * Group commit, the leader's AppendEntries sent before its own fsync, and ReadIndex reads: every
   * node crashes at once in the middle of a burst of concurrent appends, and after a restart from
   * the data directories every append that was acknowledged is there, exactly once.
   */
  @Test
  @Timeout(180)
  void acknowledgedWritesSurviveACrashOfEveryNodeInTheMiddleOfABurst() throws Exception {
    try (LocalCluster cluster = new LocalCluster(dir, 3)) {
      cluster.startAll();
      cluster.awaitLeader(ELECTION);
      int clients = 4;
      List<List<String>> acknowledged = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      java.util.concurrent.CountDownLatch warmedUp =
          new java.util.concurrent.CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        List<String> mine = java.util.Collections.synchronizedList(new ArrayList<>());
        acknowledged.add(mine);
        int me = c;
        Thread t =
            new Thread(
                () -> {
                  try (KvClient client = cluster.client(null)) {
                    for (int i = 0; ; i++) {
                      String token = "c" + me + "." + i + ";";
                      client.append("log" + me, token, Duration.ofSeconds(5));
                      mine.add(token);
                      if (i == 3) {
                        warmedUp.countDown();
                      }
                      client.get("log" + ((me + 1) % clients), Duration.ofSeconds(5));
                    }
                  } catch (NoLeaderException e) {
                    // the cluster crashed under this client: its last append is unacknowledged
                  } finally {
                    warmedUp.countDown();
                  }
                },
                "burst-client-" + c);
        threads.add(t);
        t.start();
      }
      assertTrue(warmedUp.await(90, java.util.concurrent.TimeUnit.SECONDS));
      Thread.sleep(300);
      cluster.close(); // every node stops at once, whatever it was doing
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(60).toMillis());
      }
      cluster.startAll();
      cluster.awaitLeader(ELECTION);
      try (KvClient client = cluster.client(null)) {
        for (int c = 0; c < clients; c++) {
          String value = client.get("log" + c, OP).orElse("");
          List<String> acked = List.copyOf(acknowledged.get(c));
          assertTrue(acked.size() >= 4, "client " + c + " had only " + acked.size() + " acks");
          for (String token : acked) {
            assertEquals(
                1,
                value.split(java.util.regex.Pattern.quote(token), -1).length - 1,
                "acknowledged append " + token + " in log" + c + " = " + value);
          }
        }
      }
      assertEquals(List.of(), cluster.failures);
    }
  }
}
