package simlab.kv;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import simlab.harness.KvCluster;
import simlab.harness.KvSrvSetup;
import simlab.harness.RaftImplementation;
import simlab.kv.skeleton.SkeletonKv;
import simlab.kvsrv.skeleton.SkeletonKvSrv;
import simlab.sim.Simulation;

/** The student skeletons compile and fail what the suites check. */
class SkeletonFailsTest {
  @Test
  void kvSkeletonNeverCompletesAnOperation() {
    Simulation sim = new Simulation(1);
    KvCluster cfg = new KvCluster(sim, 3, false, -1, new SkeletonKv(), RaftImplementation.load());
    KvCluster.ClerkHandle ck = cfg.makeClient(cfg.all());
    var f = cfg.put(ck, "k", "v");
    sim.runFor(Duration.ofSeconds(5));
    org.junit.jupiter.api.Assertions.assertFalse(
        f.isDone(), "the skeleton clerk must not complete a Put");
    assertThrows(AssertionError.class, () -> cfg.await(f, "Put"));
  }

  @Test
  void kvsrvSkeletonBreaksOnUnreliableNetwork() {
    Simulation sim = new Simulation(1);
    KvSrvSetup cfg = new KvSrvSetup(sim, true, new SkeletonKvSrv());
    KvSrvSetup.Clerk ck = cfg.makeClient();
    // Without retries some of 100 operations are lost for good (10% drop of requests or replies).
    int stuck = 0;
    for (int i = 0; i < 100; i++) {
      var f = cfg.append(ck, "k", "x");
      sim.runFor(Duration.ofSeconds(1));
      stuck += f.isDone() ? 0 : 1;
    }
    org.junit.jupiter.api.Assertions.assertTrue(
        stuck > 0, "expected lost operations without retries");
  }
}
