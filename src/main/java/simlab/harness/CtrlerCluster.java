package simlab.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.raft.RaftFactory;
import simlab.shardctrler.Config;
import simlab.shardctrler.RaftBacked;
import simlab.shardctrler.ShardCtrlerClerk;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.Simulation;

/**
 * The shard controller service of a test (6.5840 shardctrler {@code config.go}): 3 replicas on Raft
 * named {@code <prefix>-0..2}, on a reliable network, and clerks as client nodes.
 */
public final class CtrlerCluster {
  public static final int NSERVERS = 3;

  /** How long a driver waits for one controller operation before failing the test. */
  public static final Duration OP_TIMEOUT = Duration.ofSeconds(30);

  private final Simulation sim;
  private final String prefix;
  private final ShardCtrlerFactory factory;
  private final List<String> servers = new ArrayList<>();
  private final RaftGroupMonitor raftMonitor;
  private int clerks;

  private static final Logger LOG = Logs.get(CtrlerCluster.class);

  public CtrlerCluster(
      Simulation sim, String prefix, int n, RaftFactory raft, ShardCtrlerFactory factory) {
    this.sim = sim;
    this.prefix = prefix;
    this.factory = factory;
    for (int i = 0; i < n; i++) {
      servers.add(prefix + "-" + i);
    }
    List<String> all = List.copyOf(servers);
    this.raftMonitor = new RaftGroupMonitor(sim, all);
    RaftFactory monitored = raftMonitor.wrap(raft);
    for (int i = 0; i < n; i++) {
      int me = i;
      sim.addNode(all.get(i), all, ctx -> factory.makeServer(ctx, all, me, monitored));
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} controller cluster started: {}, {} on {}",
          sim.logPrefix(),
          all,
          factory.getClass().getName(),
          raft.getClass().getName());
    }
  }

  public Simulation sim() {
    return sim;
  }

  public ShardCtrlerFactory factory() {
    return factory;
  }

  public List<String> servers() {
    return List.copyOf(servers);
  }

  /** The Raft invariant monitor of the replicas' peers (runs after every event). */
  public RaftInvariantMonitor monitor() {
    return raftMonitor.monitor();
  }

  /** A fresh clerk on its own client node. */
  public ShardCtrlerClerk makeClerk() {
    String id = prefix + "-clerk-" + (++clerks);
    return sim.addNode(id, ctx -> factory.makeClerk(ctx, servers()));
  }

  public void shutdownServer(int i) {
    sim.crash(servers.get(i));
  }

  public void startServer(int i) {
    sim.restart(servers.get(i));
  }

  /** The replica whose Raft peer claims leadership, if the implementation exposes its Raft. */
  public Optional<Integer> leader() {
    int best = -1;
    int bestTerm = -1;
    for (int i = 0; i < servers.size(); i++) {
      Object s = sim.node(servers.get(i));
      if (s instanceof RaftBacked rb) {
        var st = rb.raftPeer().getState();
        if (st.isLeader() && st.term() > bestTerm) {
          best = i;
          bestTerm = st.term();
        }
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(best);
  }

  /** Whether the implementation exposes Raft peers (see {@link RaftBacked}). */
  public boolean exposesRaft() {
    return servers.stream().map(sim::node).anyMatch(s -> s instanceof RaftBacked);
  }

  // ---- blocking helpers for drivers --------------------------------------------------

  public static Config query(Simulation sim, ShardCtrlerClerk ck, int num) {
    return SimWait.await(sim, ck.query(num), OP_TIMEOUT, "Query(" + num + ")");
  }

  public static void join(Simulation sim, ShardCtrlerClerk ck, Map<Integer, List<String>> groups) {
    SimWait.await(sim, ck.join(groups), OP_TIMEOUT, "Join(" + groups.keySet() + ")");
  }

  public static void leave(Simulation sim, ShardCtrlerClerk ck, List<Integer> gids) {
    SimWait.await(sim, ck.leave(gids), OP_TIMEOUT, "Leave(" + gids + ")");
  }

  public static void move(Simulation sim, ShardCtrlerClerk ck, int shard, int gid) {
    SimWait.await(sim, ck.move(shard, gid), OP_TIMEOUT, "Move(" + shard + ", " + gid + ")");
  }
}
