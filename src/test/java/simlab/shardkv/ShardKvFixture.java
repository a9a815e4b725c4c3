package simlab.shardkv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import simlab.harness.ClientLoop;
import simlab.harness.KvHistory;
import simlab.harness.ShardCluster;
import simlab.harness.ShardImplementations;
import simlab.harness.SimWait;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;
import simlab.testing.Seed;

/**
 * What every lab 5 shardkv test uses: the cluster (6.5840 {@code make_config(t, 3, unreliable,
 * maxraftstate)}), a recorded history of the tester's client operations, keys "0".."n-1" with their
 * expected values, and seeded random strings.
 */
final class ShardKvFixture {
  final Seed seed;
  final Simulation sim;
  final ShardCluster cfg;
  final KvHistory history;
  final RandomGenerator rand;
  String[] ka;
  String[] va;

  ShardKvFixture(Seed seed, boolean unreliable, int maxRaftState) {
    this.seed = seed;
    this.sim = seed.newSimulation();
    this.cfg =
        new ShardCluster(
            sim,
            unreliable,
            maxRaftState,
            ShardImplementations.raft(),
            ShardImplementations.ctrler(),
            ShardImplementations.shardkv());
    this.history = new KvHistory(sim);
    this.rand = sim.random("workload");
  }

  static void begin(String what) {
    System.out.println("Test (5" + what.charAt(0) + "): " + what.substring(2) + " ...");
  }

  static void passed() {
    System.out.println("  ... Passed");
  }

  String randstring(int n) {
    StringBuilder b = new StringBuilder(n);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(rand.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * Keys "0".."n-1" (so they spread over shards) with fresh random values of length {@code len},
   * Put through {@code ck}.
   */
  void putKeys(ShardKvClerk ck, int n, int len) {
    ka = new String[n];
    va = new String[n];
    for (int i = 0; i < n; i++) {
      ka[i] = Integer.toString(i);
      va[i] = randstring(len);
      put(0, ck, ka[i], va[i]);
    }
  }

  // ---- recorded, blocking client operations --------------------------------------------

  String get(int client, ShardKvClerk ck, String key) {
    return SimWait.await(
        sim, history.get(client, ck, key), ShardCluster.OP_TIMEOUT, "Get(" + key + ")");
  }

  void put(int client, ShardKvClerk ck, String key, String value) {
    SimWait.await(
        sim, history.put(client, ck, key, value), ShardCluster.OP_TIMEOUT, "Put(" + key + ")");
  }

  void append(int client, ShardKvClerk ck, String key, String value) {
    SimWait.await(
        sim,
        history.append(client, ck, key, value),
        ShardCluster.OP_TIMEOUT,
        "Append(" + key + ")");
  }

  void check(ShardKvClerk ck, String key, String value) {
    String v = get(0, ck, key);
    if (!v.equals(value)) {
      throw new AssertionError("Get(" + key + "): expected:\n" + value + "\nreceived:\n" + v);
    }
  }

  void checkAll(ShardKvClerk ck) {
    for (int i = 0; i < ka.length; i++) {
      check(ck, ka[i], va[i]);
    }
  }

  /** Check each key, then append a fresh random string of length {@code len} to it. */
  void checkAndAppendAll(ShardKvClerk ck, int len) {
    for (int i = 0; i < ka.length; i++) {
      check(ck, ka[i], va[i]);
      String x = randstring(len);
      append(0, ck, ka[i], x);
      va[i] += x;
    }
  }

  void sleep(Duration d) {
    sim.runFor(d);
  }

  void sleepMs(long ms) {
    sim.runFor(Duration.ofMillis(ms));
  }

  // ---- concurrent clients ---------------------------------------------------------------

  /**
   * Starts one appender per key, each with its own clerk (client id i+1), appending random strings
   * of length {@code len} to key i and pausing {@code pause} between appends (6.5840's {@code ff}
   * goroutines).
   */
  List<ClientLoop> startAppenders(int len, Duration pause) {
    List<ClientLoop> loops = new ArrayList<>();
    for (int i = 0; i < ka.length; i++) {
      int k = i;
      ShardKvClerk ck1 = cfg.makeClient();
      loops.add(
          new ClientLoop(
              sim,
              pause,
              () -> {
                String x = randstring(len);
                SimFuture<Void> f = history.append(k + 1, ck1, ka[k], x);
                f.onComplete(v -> va[k] += x);
                return f;
              }));
    }
    loops.forEach(ClientLoop::start);
    return loops;
  }

  List<ClientLoop> startLoops(int n, IntFunction<ClientLoop> make) {
    List<ClientLoop> loops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      loops.add(make.apply(i));
    }
    loops.forEach(ClientLoop::start);
    return loops;
  }

  /** 6.5840: set done, then wait for every client goroutine to finish its last operation. */
  void stopAll(List<ClientLoop> loops) {
    loops.forEach(ClientLoop::stop);
    boolean idle =
        sim.runUntil(() -> loops.stream().allMatch(ClientLoop::idle), Duration.ofSeconds(60));
    assertTrue(idle, "client loops did not finish their last operation within 60 s");
    long total = loops.stream().mapToLong(ClientLoop::completed).sum();
    assertTrue(total > 0, "no client operation completed while configurations changed");
    System.out.println(
        "  ... "
            + total
            + " client operations completed in "
            + sim.now().toMillis()
            + " ms of virtual time");
  }

  void checkLinearizable() {
    history.checkLinearizable(seed.testName(), seed.value());
  }
}
