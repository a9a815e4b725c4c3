package simlab.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import simlab.harness.KvCluster;
import simlab.kv.KvServer;
import simlab.kv.KvService;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.Simulation;

/**
 * A lab 4 {@link KvCluster} as a nemesis target: one group of servers {@code kv-i}. Adds what the
 * KV harness lacks for exploration: the Start hook. (The harness itself attaches the Raft invariant
 * monitor to the servers' peers.) Clerks are not part of the fault domain; their links stay as the
 * harness set them.
 */
public final class KvTarget implements NemesisTarget {
  private final KvCluster cluster;
  private final Topology topology;
  private final List<IntConsumer> listeners = new ArrayList<>();
  private final List<IntConsumer> commitListeners = new ArrayList<>();

  private KvTarget(KvCluster cluster, StartHook hook) {
    this.cluster = cluster;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < cluster.n(); i++) {
      ids.add(cluster.serverId(i));
    }
    this.topology = Topology.oneGroup(ids);
    hook.onCommit(
        node -> {
          int i = ids.indexOf(node);
          if (i >= 0) {
            commitListeners.forEach(l -> l.accept(i));
          }
        });
    hook.onLeaderStart(
        node -> {
          int i = ids.indexOf(node);
          listeners.forEach(l -> l.accept(i));
        });
  }

  public static KvTarget create(
      Simulation sim,
      int n,
      boolean unreliable,
      int maxRaftState,
      KvService service,
      RaftFactory raftFactory) {
    StartHook hook = new StartHook();
    return new KvTarget(
        new KvCluster(sim, n, unreliable, maxRaftState, service, hook.wrap(raftFactory)), hook);
  }

  public KvCluster cluster() {
    return cluster;
  }

  /** Scans every log completely (the end of a run); the monitor also runs after every event. */
  public void fullCheck() {
    cluster.monitor().fullCheck();
  }

  private Raft raftOf(String id) {
    KvServer s = cluster.sim().node(id);
    return s == null ? null : s.raft();
  }

  @Override
  public Simulation sim() {
    return cluster.sim();
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public void crash(int node) {
    sim().crash(cluster.serverId(node));
  }

  @Override
  public void restart(int node) {
    sim().restart(cluster.serverId(node));
  }

  @Override
  public OptionalInt leader(int group) {
    return Leaders.highestTerm(topology.nodes(), this::raftOf);
  }

  @Override
  public void onLeaderStart(IntConsumer listener) {
    listeners.add(listener);
  }

  @Override
  public void onCommit(IntConsumer listener) {
    commitListeners.add(listener);
  }
}
