package simlab.shardkv1;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import simlab.shardkv1.skeleton.SkeletonShardKv1;
import simlab.sim.Simulation;

/** The lab 5 (2025) skeleton compiles, plugs in through sim.shardkv1, and fails the first step. */
class SkeletonShardKv1FailsTest {
  @Test
  void skeletonFailsInitConfig() {
    String before = System.getProperty("sim.shardkv1");
    System.setProperty("sim.shardkv1", SkeletonShardKv1.class.getName());
    try {
      ShardKv1Fixture f = new ShardKv1Fixture(new Simulation(1), "TestInitQuery5A", 1, true, -1);
      assertTrue(f.impl instanceof SkeletonShardKv1, f.impl.getClass().getName());
      AssertionError e = assertThrows(AssertionError.class, f::setupKvService);
      assertTrue(e.getMessage().contains("InitConfig did not complete"), e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty("sim.shardkv1");
      } else {
        System.setProperty("sim.shardkv1", before);
      }
    }
  }
}
