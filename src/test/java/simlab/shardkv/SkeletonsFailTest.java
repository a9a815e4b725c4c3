package simlab.shardkv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.harness.CtrlerCluster;
import simlab.harness.Implementations;
import simlab.harness.ShardCluster;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardctrler.skeleton.SkeletonShardCtrlerFactory;
import simlab.shardkv.skeleton.SkeletonShardKvFactory;
import simlab.sim.Simulation;

/**
 * The lab 5 student skeletons compile, plug in through the factories, and fail the suites' first
 * steps.
 */
class SkeletonsFailTest {

  @Test
  void controllerSkeletonFailsTheFirstQuery() {
    Simulation sim = new Simulation(1);
    CtrlerCluster ctl =
        new CtrlerCluster(
            sim, "ctrler", 3, new ReferenceRaftFactory(), new SkeletonShardCtrlerFactory());
    ShardCtrlerClerk ck = ctl.makeClerk();
    AssertionError e = assertThrows(AssertionError.class, () -> CtrlerCluster.query(sim, ck, -1));
    assertTrue(e.getMessage().contains("did not complete"), e.getMessage());
  }

  @Test
  void shardkvSkeletonFailsTheFirstPut() {
    Simulation sim = new Simulation(1);
    ShardCluster cfg =
        new ShardCluster(
            sim,
            false,
            -1,
            new ReferenceRaftFactory(),
            new ReferenceShardCtrlerFactory(),
            new SkeletonShardKvFactory());
    ShardKvClerk ck = cfg.makeClient();
    cfg.join(0);
    AssertionError e = assertThrows(AssertionError.class, () -> cfg.put(ck, "0", "x"));
    assertTrue(e.getMessage().contains("Put(0) did not complete"), e.getMessage());
  }

  @Test
  void implementationSwitchLoadsTheSkeletons() {
    String before = System.getProperty("sim.shardctrler");
    System.setProperty("sim.shardctrler", SkeletonShardCtrlerFactory.class.getName());
    try {
      ShardCtrlerFactory f =
          Implementations.load(
              ShardCtrlerFactory.class, "sim.shardctrler", new ReferenceShardCtrlerFactory());
      assertInstanceOf(SkeletonShardCtrlerFactory.class, f);
    } finally {
      if (before == null) {
        System.clearProperty("sim.shardctrler");
      } else {
        System.setProperty("sim.shardctrler", before);
      }
    }
    ShardCtrlerFactory dflt =
        Implementations.load(
            ShardCtrlerFactory.class, "sim.shardctrler", new ReferenceShardCtrlerFactory());
    assertEquals(ReferenceShardCtrlerFactory.class, dflt.getClass());
  }

  @Test
  void key2shardIsFirstCharModTen() {
    assertEquals('0' % 10, ShardKvFactory.key2shard("0"));
    assertEquals('1' % 10, ShardKvFactory.key2shard("17"));
    assertEquals(
        List.of(8, 9, 0),
        List.of(
            ShardKvFactory.key2shard("0"),
            ShardKvFactory.key2shard("1"),
            ShardKvFactory.key2shard("2")));
  }
}
