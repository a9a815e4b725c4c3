package simlab.raft;

import static simlab.harness.RaftCluster.RAFT_ELECTION_TIMEOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import simlab.harness.RaftCluster;
import simlab.sim.SimFuture;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 3C, persistence: 6.5840's tests of the same names, in virtual time. */
@Tag("3C")
class Raft3CTest {

  @SimTest(name = "TestPersist13C")
  @Points(3)
  void persist1(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3C): basic persistence");

    cfg.one(11, servers, true);

    // crash and re-start all
    for (int i = 0; i < servers; i++) {
      cfg.start1(i);
    }
    for (int i = 0; i < servers; i++) {
      cfg.disconnect(i);
      cfg.connect(i);
    }

    cfg.one(12, servers, true);

    int leader1 = cfg.checkOneLeader();
    cfg.disconnect(leader1);
    cfg.start1(leader1);
    cfg.connect(leader1);

    cfg.one(13, servers, true);

    int leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);
    cfg.one(14, servers - 1, true);
    cfg.start1(leader2);
    cfg.connect(leader2);

    cfg.wait(4, servers, -1); // wait for leader2 to join before killing i3

    int i3 = (cfg.checkOneLeader() + 1) % servers;
    cfg.disconnect(i3);
    cfg.one(15, servers - 1, true);
    cfg.start1(i3);
    cfg.connect(i3);

    cfg.one(16, servers, true);
    cfg.end();
  }

  @SimTest(name = "TestPersist23C")
  @Points(3)
  void persist2(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3C): more persistence");

    int index = 1;
    for (int iters = 0; iters < 5; iters++) {
      cfg.one(10 + index, servers, true);
      index++;

      int leader1 = cfg.checkOneLeader();

      cfg.disconnect((leader1 + 1) % servers);
      cfg.disconnect((leader1 + 2) % servers);

      cfg.one(10 + index, servers - 2, true);
      index++;

      cfg.disconnect((leader1 + 0) % servers);
      cfg.disconnect((leader1 + 3) % servers);
      cfg.disconnect((leader1 + 4) % servers);

      cfg.start1((leader1 + 1) % servers);
      cfg.start1((leader1 + 2) % servers);
      cfg.connect((leader1 + 1) % servers);
      cfg.connect((leader1 + 2) % servers);

      cfg.sleep(RAFT_ELECTION_TIMEOUT);

      cfg.start1((leader1 + 3) % servers);
      cfg.connect((leader1 + 3) % servers);

      cfg.one(10 + index, servers - 2, true);
      index++;

      cfg.connect((leader1 + 4) % servers);
      cfg.connect((leader1 + 0) % servers);
    }

    cfg.one(1000, servers, true);
    cfg.end();
  }

  @SimTest(name = "TestPersist33C")
  @Points(3)
  void persist3(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3C): partitioned leader and one follower crash, leader restarts");

    cfg.one(101, 3, true);

    int leader = cfg.checkOneLeader();
    cfg.disconnect((leader + 2) % servers);

    cfg.one(102, 2, true);

    cfg.crash1((leader + 0) % servers);
    cfg.crash1((leader + 1) % servers);
    cfg.connect((leader + 2) % servers);
    cfg.start1((leader + 0) % servers);
    cfg.connect((leader + 0) % servers);

    cfg.one(103, 2, true);

    cfg.start1((leader + 1) % servers);
    cfg.connect((leader + 1) % servers);

    cfg.one(104, servers, true);
    cfg.end();
  }

  /**
   * The scenarios of Figure 8 of the extended Raft paper: each iteration asks the leader, if any,
   * to append a command, then crashes it soon (usually before it commits) or, with low probability,
   * after a while; with too few servers up a random one restarts.
   */
  @SimTest(name = "TestFigure83C")
  @Points(5)
  void figure8(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3C): Figure 8");

    cfg.one(cfg.randInt(), 1, true);

    int nup = servers;
    for (int iters = 0; iters < 1000; iters++) {
      int leader = -1;
      for (int i = 0; i < servers; i++) {
        Raft rf = cfg.raft(i);
        if (rf != null && rf.start(cfg.randInt()).isLeader()) {
          leader = i;
        }
      }

      figure8Pause(cfg);

      if (leader != -1) {
        cfg.crash1(leader);
        nup -= 1;
      }

      if (nup < 3) {
        int s = cfg.random().nextInt(servers);
        if (cfg.raft(s) == null) {
          cfg.start1(s);
          cfg.connect(s);
          nup += 1;
        }
      }
    }

    for (int i = 0; i < servers; i++) {
      if (cfg.raft(i) == null) {
        cfg.start1(i);
        cfg.connect(i);
      }
    }

    cfg.one(cfg.randInt(), servers, true);
    cfg.end();
  }

  /**
   * Four goroutines running one(100*iters + j) next to the driver's own one(iters) become four
   * {@link RaftCluster#oneAsync} state machines started (j = 0..3) just before the sequential
   * one(): all five poll and retry interleaved in virtual time, exactly as the goroutines
   * interleave in real time. wg.Wait() is running the simulation until all started calls have
   * finished.
   */
  @SimTest(name = "TestUnreliableAgree3C")
  @Points(3)
  void unreliableAgree(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, false, false);
    cfg.begin("Test (3C): unreliable agreement");

    List<SimFuture<Integer>> wg = new ArrayList<>();
    for (int iters = 1; iters < 50; iters++) {
      for (int j = 0; j < 4; j++) {
        wg.add(cfg.oneAsync(100 * iters + j, 1, true));
      }
      cfg.one(iters, 1, true);
    }

    cfg.setUnreliable(false);

    // wg.Wait(): each call ends by itself (success, or fatal after about 12 s)
    if (!cfg.sim()
        .runUntil(() -> wg.stream().allMatch(SimFuture::isDone), Duration.ofSeconds(30))) {
      throw cfg.fatal("concurrent one() calls did not finish");
    }

    cfg.one(100, servers, true);
    cfg.end();
  }

  @SimTest(name = "TestFigure8Unreliable3C")
  @Tag("slow") // left out of the mutation run only (pom profile `mutation`)
  @Points(6)
  void figure8Unreliable(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, false, false);
    cfg.begin("Test (3C): Figure 8 (unreliable)");

    cfg.one(cfg.randInt() % 10000, 1, true);

    int nup = servers;
    for (int iters = 0; iters < 1000; iters++) {
      if (iters == 200) {
        cfg.setLongReordering(true);
      }
      int leader = -1;
      for (int i = 0; i < servers; i++) {
        boolean ok = cfg.raft(i).start(cfg.randInt() % 10000).isLeader();
        if (ok && cfg.isConnected(i)) {
          leader = i;
        }
      }

      figure8Pause(cfg);

      if (leader != -1 && cfg.random().nextInt(1000) < (int) RAFT_ELECTION_TIMEOUT.toMillis() / 2) {
        cfg.disconnect(leader);
        nup -= 1;
      }

      if (nup < 3) {
        int s = cfg.random().nextInt(servers);
        if (!cfg.isConnected(s)) {
          cfg.connect(s);
          nup += 1;
        }
      }
    }

    for (int i = 0; i < servers; i++) {
      if (!cfg.isConnected(i)) {
        cfg.connect(i);
      }
    }

    cfg.one(cfg.randInt() % 10000, servers, true);
    cfg.end();
  }

  /** Figure 8's pause: with probability 0.1 up to RET/2, else up to 12 ms. */
  private static void figure8Pause(RaftCluster cfg) {
    long ms;
    if (cfg.random().nextInt(1000) < 100) {
      ms = cfg.random().nextInt((int) RAFT_ELECTION_TIMEOUT.toMillis() / 2);
    } else {
      ms = cfg.random().nextInt(13);
    }
    cfg.sleep(Duration.ofMillis(ms));
  }

  @SimTest(name = "TestReliableChurn3C")
  @Tag("slow") // left out of the mutation run only (pom profile `mutation`)
  @Points(3)
  void reliableChurn(Seed seed) {
    internalChurn(seed, false);
  }

  @SimTest(name = "TestUnreliableChurn3C")
  @Tag("slow") // left out of the mutation run only (pom profile `mutation`)
  @Points(4)
  void unreliableChurn(Seed seed) {
    internalChurn(seed, true);
  }

  /**
   * The three client goroutines are {@link ChurnClient}s: event-driven loops that run interleaved
   * with the driver's churn in virtual time. Stopping them and reading their channels is "set stop,
   * then run the simulation until every client has finished".
   */
  private static void internalChurn(Seed seed, boolean unreliable) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, !unreliable, false);
    cfg.begin(unreliable ? "Test (3C): unreliable churn" : "Test (3C): churn");

    int ncli = 3;
    List<ChurnClient> clients = new ArrayList<>();
    for (int i = 0; i < ncli; i++) {
      ChurnClient c = new ChurnClient(cfg, i);
      clients.add(c);
      c.start();
    }

    for (int iters = 0; iters < 20; iters++) {
      if (cfg.random().nextInt(1000) < 200) {
        int i = cfg.random().nextInt(servers);
        cfg.disconnect(i);
      }

      if (cfg.random().nextInt(1000) < 500) {
        int i = cfg.random().nextInt(servers);
        if (cfg.raft(i) == null) {
          cfg.start1(i);
        }
        cfg.connect(i);
      }

      if (cfg.random().nextInt(1000) < 200) {
        int i = cfg.random().nextInt(servers);
        if (cfg.raft(i) != null) {
          cfg.crash1(i);
        }
      }

      // often enough that peers rarely settle, rarely enough that they can keep up
      cfg.sleep(RAFT_ELECTION_TIMEOUT.multipliedBy(7).dividedBy(10));
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT);
    cfg.setUnreliable(false);
    for (int i = 0; i < servers; i++) {
      if (cfg.raft(i) == null) {
        cfg.start1(i);
      }
      cfg.connect(i);
    }

    clients.forEach(ChurnClient::stop);
    if (!cfg.sim()
        .runUntil(
            () -> clients.stream().allMatch(c -> c.values().isDone()), Duration.ofSeconds(10))) {
      throw cfg.fatal("client failed");
    }
    List<Integer> values = new ArrayList<>();
    for (ChurnClient c : clients) {
      values.addAll(c.values().get());
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT);

    int lastIndex = cfg.one(cfg.randInt(), servers, true);

    Set<Object> really = new HashSet<>();
    for (int index = 1; index <= lastIndex; index++) {
      Optional<Object> v = cfg.wait(index, servers, -1);
      if (!(v.orElse(null) instanceof Integer)) {
        throw cfg.fatal("not an int");
      }
      really.add(v.get());
    }

    for (int v1 : values) {
      if (!really.contains(v1)) {
        throw cfg.fatal("didn't find a value");
      }
    }
    cfg.end();
  }
}
