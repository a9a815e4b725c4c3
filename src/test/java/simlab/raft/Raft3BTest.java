package simlab.raft;

import static simlab.harness.RaftCluster.RAFT_ELECTION_TIMEOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import simlab.harness.RaftCluster;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/** Lab 3B, log replication: 6.5840's tests of the same names, in virtual time. */
@Tag("3B")
class Raft3BTest {

  @SimTest(name = "TestBasicAgree3B")
  @Points(2)
  void basicAgree(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): basic agreement");

    int iters = 3;
    for (int index = 1; index < iters + 1; index++) {
      if (cfg.nCommitted(index).count() > 0) {
        throw cfg.fatal("some have committed before Start()");
      }
      int xindex = cfg.one(index * 100, servers, false);
      if (xindex != index) {
        throw cfg.fatal("got index " + xindex + " but expected " + index);
      }
    }
    cfg.end();
  }

  /** Counting bytes shows whether each command is sent to each peer just once. */
  @SimTest(name = "TestRPCBytes3B")
  @Points(2)
  void rpcBytes(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): RPC byte count");

    cfg.one(99, servers, false);
    long bytes0 = cfg.bytesTotal();

    int iters = 10;
    long sent = 0;
    for (int index = 2; index < iters + 2; index++) {
      String cmd = cfg.randString(5000);
      int xindex = cfg.one(cmd, servers, false);
      if (xindex != index) {
        throw cfg.fatal("got index " + xindex + " but expected " + index);
      }
      sent += cmd.length();
    }

    long got = cfg.bytesTotal() - bytes0;
    long expected = servers * sent;
    if (got > expected + 50000) {
      throw cfg.fatal("too many RPC bytes; got " + got + ", expected " + expected);
    }
    cfg.end();
  }

  /** Failure of followers only. */
  @SimTest(name = "TestFollowerFailure3B")
  @Points(3)
  void followerFailure(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): test progressive failure of followers");

    cfg.one(101, servers, false);

    // disconnect one follower
    int leader1 = cfg.checkOneLeader();
    cfg.disconnect((leader1 + 1) % servers);

    // the leader and the remaining follower can still agree
    cfg.one(102, servers - 1, false);
    cfg.sleep(RAFT_ELECTION_TIMEOUT);
    cfg.one(103, servers - 1, false);

    // disconnect the remaining follower
    int leader2 = cfg.checkOneLeader();
    cfg.disconnect((leader2 + 1) % servers);
    cfg.disconnect((leader2 + 2) % servers);

    // submit a command
    Raft.StartResult r = cfg.raft(leader2).start(104);
    if (!r.isLeader()) {
      throw cfg.fatal("leader rejected Start()");
    }
    if (r.index() != 4) {
      throw cfg.fatal("expected index 4, got " + r.index());
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT.multipliedBy(2));

    // command 104 must not have committed
    int n = cfg.nCommitted(r.index()).count();
    if (n > 0) {
      throw cfg.fatal(n + " committed but no majority");
    }
    cfg.end();
  }

  /** Failure of leaders only. */
  @SimTest(name = "TestLeaderFailure3B")
  @Points(3)
  void leaderFailure(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): test failure of leaders");

    cfg.one(101, servers, false);

    // disconnect the first leader; the followers elect a new one
    int leader1 = cfg.checkOneLeader();
    cfg.disconnect(leader1);
    cfg.one(102, servers - 1, false);
    cfg.sleep(RAFT_ELECTION_TIMEOUT);
    cfg.one(103, servers - 1, false);

    // disconnect the new leader
    int leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);

    // submit a command to each server
    for (int i = 0; i < servers; i++) {
      cfg.raft(i).start(104);
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT.multipliedBy(2));

    // command 104 must not have committed
    int n = cfg.nCommitted(4).count();
    if (n > 0) {
      throw cfg.fatal(n + " committed but no majority");
    }
    cfg.end();
  }

  /** A follower takes part again after it is disconnected and reconnected. */
  @SimTest(name = "TestFailAgree3B")
  @Points(3)
  void failAgree(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): agreement after follower reconnects");

    cfg.one(101, servers, false);

    // disconnect one follower
    int leader = cfg.checkOneLeader();
    cfg.disconnect((leader + 1) % servers);

    // the leader and the remaining follower can still agree
    cfg.one(102, servers - 1, false);
    cfg.one(103, servers - 1, false);
    cfg.sleep(RAFT_ELECTION_TIMEOUT);
    cfg.one(104, servers - 1, false);
    cfg.one(105, servers - 1, false);

    // re-connect
    cfg.connect((leader + 1) % servers);

    // the full set keeps the earlier agreements and agrees on new commands
    cfg.one(106, servers, true);
    cfg.sleep(RAFT_ELECTION_TIMEOUT);
    cfg.one(107, servers, true);
    cfg.end();
  }

  @SimTest(name = "TestFailNoAgree3B")
  @Points(3)
  void failNoAgree(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): no agreement if too many followers disconnect");

    cfg.one(10, servers, false);

    // 3 of 5 followers disconnect
    int leader = cfg.checkOneLeader();
    cfg.disconnect((leader + 1) % servers);
    cfg.disconnect((leader + 2) % servers);
    cfg.disconnect((leader + 3) % servers);

    Raft.StartResult r = cfg.raft(leader).start(20);
    if (!r.isLeader()) {
      throw cfg.fatal("leader rejected Start()");
    }
    if (r.index() != 2) {
      throw cfg.fatal("expected index 2, got " + r.index());
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT.multipliedBy(2));

    int n = cfg.nCommitted(r.index()).count();
    if (n > 0) {
      throw cfg.fatal(n + " committed but no majority");
    }

    // repair
    cfg.connect((leader + 1) % servers);
    cfg.connect((leader + 2) % servers);
    cfg.connect((leader + 3) % servers);

    // the disconnected majority may have chosen a leader among themselves, forgetting index 2
    int leader2 = cfg.checkOneLeader();
    Raft.StartResult r2 = cfg.raft(leader2).start(30);
    if (!r2.isLeader()) {
      throw cfg.fatal("leader2 rejected Start()");
    }
    if (r2.index() < 2 || r2.index() > 3) {
      throw cfg.fatal("unexpected index " + r2.index());
    }

    cfg.one(1000, servers, true);
    cfg.end();
  }

  /**
   * The five goroutines that call Start(100+i) concurrently become five Start calls at the same
   * virtual instant, in order i = 0..4; nothing else can run between them either way.
   */
  @SimTest(name = "TestConcurrentStarts3B")
  @Points(3)
  void concurrentStarts(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): concurrent Start()s");

    boolean success = false;
    loop:
    for (int attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) {
        // give the solution some time to settle
        cfg.sleep(Duration.ofSeconds(3));
      }

      int leader = cfg.checkOneLeader();
      Raft.StartResult first = cfg.raft(leader).start(1);
      if (!first.isLeader()) {
        // leader moved on really quickly
        continue;
      }
      int term = first.term();

      int iters = 5;
      List<Integer> is = new ArrayList<>();
      for (int ii = 0; ii < iters; ii++) {
        Raft.StartResult r = cfg.raft(leader).start(100 + ii);
        if (r.term() != term || !r.isLeader()) {
          continue;
        }
        is.add(r.index());
      }

      for (int j = 0; j < servers; j++) {
        if (cfg.raft(j).getState().term() != term) {
          // term changed -- can't expect low RPC counts
          continue loop;
        }
      }

      List<Integer> cmds = new ArrayList<>();
      for (int index : is) {
        Optional<Object> cmd = cfg.wait(index, servers, term);
        if (cmd.isEmpty()) {
          // peers have moved on to later terms, so not every Start() could succeed
          continue loop;
        }
        if (!(cmd.get() instanceof Integer ix)) {
          throw cfg.fatal("value " + cmd.get() + " is not an int");
        }
        cmds.add(ix);
      }

      for (int ii = 0; ii < iters; ii++) {
        int x = 100 + ii;
        if (!cmds.contains(x)) {
          throw cfg.fatal("cmd " + x + " missing in " + cmds);
        }
      }
      success = true;
      break;
    }

    if (!success) {
      throw cfg.fatal("term changed too often");
    }
    cfg.end();
  }

  @SimTest(name = "TestRejoin3B")
  @Points(3)
  void rejoin(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): rejoin of partitioned leader");

    cfg.one(101, servers, true);

    // leader network failure
    int leader1 = cfg.checkOneLeader();
    cfg.disconnect(leader1);

    // make the old leader try to agree on some entries
    cfg.raft(leader1).start(102);
    cfg.raft(leader1).start(103);
    cfg.raft(leader1).start(104);

    // the new leader commits, also for index 2
    cfg.one(103, 2, true);

    // new leader network failure
    int leader2 = cfg.checkOneLeader();
    cfg.disconnect(leader2);

    // old leader connected again
    cfg.connect(leader1);
    cfg.one(104, 2, true);

    // all together now
    cfg.connect(leader2);
    cfg.one(105, servers, true);
    cfg.end();
  }

  @SimTest(name = "TestBackup3B")
  @Points(5)
  void backup(Seed seed) {
    int servers = 5;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): leader backs up quickly over incorrect follower logs");

    cfg.one(cfg.randInt(), servers, true);

    // put the leader and one follower in a partition
    int leader1 = cfg.checkOneLeader();
    cfg.disconnect((leader1 + 2) % servers);
    cfg.disconnect((leader1 + 3) % servers);
    cfg.disconnect((leader1 + 4) % servers);

    // lots of commands that won't commit
    for (int i = 0; i < 50; i++) {
      cfg.raft(leader1).start(cfg.randInt());
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT.dividedBy(2));

    cfg.disconnect((leader1 + 0) % servers);
    cfg.disconnect((leader1 + 1) % servers);

    // allow the other partition to recover
    cfg.connect((leader1 + 2) % servers);
    cfg.connect((leader1 + 3) % servers);
    cfg.connect((leader1 + 4) % servers);

    // lots of successful commands to the new group
    for (int i = 0; i < 50; i++) {
      cfg.one(cfg.randInt(), 3, true);
    }

    // now another partitioned leader and one follower
    int leader2 = cfg.checkOneLeader();
    int other = (leader1 + 2) % servers;
    if (leader2 == other) {
      other = (leader2 + 1) % servers;
    }
    cfg.disconnect(other);

    // lots more commands that won't commit
    for (int i = 0; i < 50; i++) {
      cfg.raft(leader2).start(cfg.randInt());
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT.dividedBy(2));

    // bring the original leader back to life
    for (int i = 0; i < servers; i++) {
      cfg.disconnect(i);
    }
    cfg.connect((leader1 + 0) % servers);
    cfg.connect((leader1 + 1) % servers);
    cfg.connect(other);

    // lots of successful commands to the new group
    for (int i = 0; i < 50; i++) {
      cfg.one(cfg.randInt(), 3, true);
    }

    // now everyone
    for (int i = 0; i < servers; i++) {
      cfg.connect(i);
    }
    cfg.one(cfg.randInt(), servers, true);
    cfg.end();
  }

  @SimTest(name = "TestCount3B")
  @Points(3)
  void count(Seed seed) {
    int servers = 3;
    RaftCluster cfg = RaftCluster.create(seed.newSimulation(), servers, true, false);
    cfg.begin("Test (3B): RPC counts aren't too high");

    int leader = cfg.checkOneLeader();
    long total1 = rpcs(cfg);
    if (total1 > 30 || total1 < 1) {
      throw cfg.fatal("too many or few RPCs (" + total1 + ") to elect initial leader");
    }

    long total2 = 0;
    boolean success = false;
    loop:
    for (int attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) {
        // give the solution some time to settle
        cfg.sleep(Duration.ofSeconds(3));
      }

      leader = cfg.checkOneLeader();
      total1 = rpcs(cfg);

      int iters = 10;
      Raft.StartResult first = cfg.raft(leader).start(1);
      if (!first.isLeader()) {
        // leader moved on really quickly
        continue;
      }
      int starti = first.index();
      int term = first.term();
      List<Integer> cmds = new ArrayList<>();
      for (int i = 1; i < iters + 2; i++) {
        int x = cfg.randInt();
        cmds.add(x);
        Raft.StartResult r = cfg.raft(leader).start(x);
        if (r.term() != term || !r.isLeader()) {
          // term changed while starting
          continue loop;
        }
        if (starti + i != r.index()) {
          throw cfg.fatal("Start() failed");
        }
      }

      for (int i = 1; i < iters + 1; i++) {
        Optional<Object> cmd = cfg.wait(starti + i, servers, term);
        if (cmd.isEmpty()) {
          // term changed -- try again
          continue loop;
        }
        if (!cmds.get(i - 1).equals(cmd.get())) {
          throw cfg.fatal(
              "wrong value "
                  + cmd.get()
                  + " committed for index "
                  + (starti + i)
                  + "; expected "
                  + cmds);
        }
      }

      boolean failed = false;
      total2 = 0;
      for (int j = 0; j < servers; j++) {
        if (cfg.raft(j).getState().term() != term) {
          // term changed -- can't expect low RPC counts; keep going to update total2
          failed = true;
        }
        total2 += cfg.rpcCount(j);
      }
      if (failed) {
        continue;
      }

      if (total2 - total1 > (iters + 1 + 3) * 3) {
        throw cfg.fatal("too many RPCs (" + (total2 - total1) + ") for " + iters + " entries");
      }
      success = true;
      break;
    }

    if (!success) {
      throw cfg.fatal("term changed too often");
    }

    cfg.sleep(RAFT_ELECTION_TIMEOUT);

    long total3 = rpcs(cfg);
    if (total3 - total2 > 3 * 20) {
      throw cfg.fatal("too many RPCs (" + (total3 - total2) + ") for 1 second of idleness");
    }
    cfg.end();
  }

  private static long rpcs(RaftCluster cfg) {
    long n = 0;
    for (int j = 0; j < cfg.n(); j++) {
      n += cfg.rpcCount(j);
    }
    return n;
  }
}
