package simlab.shardkv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import simlab.harness.CtrlerCluster;
import simlab.sim.SimFuture;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * Lab 5B's first part in 2024 numbering (5A tests of {@code shardkv/test_test.go}): static
 * sharding.
 */
@Tag("5A")
class ShardKv5ATest {

  /**
   * Starts one Get per key, each on a fresh clerk talking to {@code ctrl}, and counts how many
   * complete: like 6.5840 it waits until 2 s pass without a completion. A completed Get must return
   * the right value; "" from a group that should have rejected it fails.
   */
  private static int parallelGets(ShardKvFixture f, CtrlerCluster ctrl, boolean rejection) {
    int n = f.ka.length;
    List<SimFuture<String>> gets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      gets.add(f.history.get(100 + i, f.cfg.makeClient(ctrl), f.ka[i]));
    }
    int ndone = 0;
    while (true) {
      int seen = ndone;
      Supplier<Integer> count = () -> (int) gets.stream().filter(SimFuture::isDone).count();
      if (!f.sim.runUntil(() -> count.get() > seen, Duration.ofSeconds(2))) {
        break;
      }
      ndone = count.get();
    }
    for (int i = 0; i < n; i++) {
      if (gets.get(i).isDone() && !gets.get(i).get().equals(f.va[i])) {
        String v = gets.get(i).get();
        throw new AssertionError(
            rejection && v.isEmpty()
                ? "Get("
                    + f.ka[i]
                    + "): returned a value, but server should have rejected the request due to wrong shard"
                : "Get(" + f.ka[i] + "): expected:\n" + f.va[i] + "\nreceived:\n" + v);
      }
    }
    return ndone;
  }

  @SimTest(name = "TestStaticShards5A")
  @Points(10)
  void staticShards(Seed seed) {
    ShardKvFixture.begin("A static shards");
    ShardKvFixture f = new ShardKvFixture(seed, false, -1);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.cfg.join(1);
    f.putKeys(ck, 10, 20);
    f.checkAll(ck);

    // Make sure the data really is sharded: with group 1 down, only its shards stall.
    f.cfg.shutdownGroup(1);
    f.cfg.checkLogs(); // forbid snapshots
    int ndone = parallelGets(f, f.cfg.ctl(), false);
    assertEquals(
        f.ka.length / 2,
        ndone,
        "expected " + f.ka.length / 2 + " completions with one shard dead; got " + ndone);

    f.cfg.startGroup(1);
    f.checkAll(ck);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }

  @SimTest(name = "TestRejection5A")
  @Points(5)
  void rejection(Seed seed) {
    ShardKvFixture.begin("A rejection");
    ShardKvFixture f = new ShardKvFixture(seed, false, -1);
    ShardKvClerk ck = f.cfg.makeClient();
    f.cfg.join(0);
    f.cfg.join(1);
    f.putKeys(ck, 10, 20);
    f.checkAll(ck);

    // A separate controller that thinks group 0 handles every shard; the servers still
    // follow the original one, so half of what its clients ask group 0 must be rejected.
    CtrlerCluster ctl1 = f.cfg.startCtrlerService();
    f.cfg.joinm(List.of(0), ctl1);
    int ndone = parallelGets(f, ctl1, true);
    assertEquals(
        f.ka.length / 2, ndone, "expected " + f.ka.length / 2 + " completions; got " + ndone);
    f.checkLinearizable();
    ShardKvFixture.passed();
  }
}
