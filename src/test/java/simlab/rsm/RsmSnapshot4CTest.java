package simlab.rsm;

import static simlab.rsm.RsmTester.NSRV;

import org.junit.jupiter.api.Tag;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * The rsm test of 6.5840 2025's part 4C (it lives in {@code rsm_test.go}): with maxraftstate 1000
 * the RSM must snapshot, keep the Raft state within twice that, and come back from the snapshot
 * after every server restarts.
 */
@Tag("2025-4C")
class RsmSnapshot4CTest {

  @SimTest(name = "TestSnapshot4C")
  @Points(4)
  void snapshot(Seed seed) {
    final int n = 100;
    final int maxRaftState = 1000;
    RsmTester ts = new RsmTester(seed, maxRaftState);
    ts.begin("Test RSM snapshot (4C)");
    for (int i = 0; i < n; i++) {
      ts.oneInc();
    }
    ts.checkCounter(n, NSRV);
    int sz = ts.logSize();
    if (sz > 2 * maxRaftState) {
      throw ts.fatal("logs were not trimmed (" + sz + " > 2 * " + maxRaftState + ")");
    }
    // The RSM must have made snapshots by now: restart every server from them.
    ts.shutdownAll();
    ts.startAll();
    ts.oneInc();
    ts.checkCounter(n + 1, NSRV);
    ts.end();
  }
}
