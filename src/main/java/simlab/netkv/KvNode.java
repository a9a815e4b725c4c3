package simlab.netkv;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import simlab.kv.KvRequest;
import simlab.kv.ReferenceKvServer;
import simlab.net.FilePersister;
import simlab.net.NetException;
import simlab.net.NetRuntime;
import simlab.raft.AppendEntries;
import simlab.raft.Raft;
import simlab.raft.RaftOptions;
import simlab.raft.RaftTiming;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;

/**
 * One KV-on-Raft server on a real network: the reference KV service and Raft, exactly the classes
 * the simulated suites test, on a {@link NetRuntime} with a {@link FilePersister} in the node's
 * data directory. It also answers {@link StatusRequest} and reports its role changes (leader,
 * follower, term) to {@code roleLog}.
 *
 * <p>Two options the simulated suites leave off are on here: Gets are served by ReadIndex ({@link
 * RaftOptions#REAL_NETWORK}, {@link ReferenceKvServer.Reads#READ_INDEX}: a leadership round, no log
 * entry, no disk write), and a leader's AppendEntries leave before its own fsync, so leader and
 * followers write to disk in parallel ({@link NetRuntime.Options#sentBeforeSync()}).
 */
public final class KvNode implements AutoCloseable {
  /** How often the node looks at its Raft role, to report changes in its log. */
  private static final Duration ROLE_POLL = Duration.ofMillis(200);

  private final NetRuntime runtime;
  private final ReferenceKvServer server;
  private final String id;

  private KvNode(NetRuntime runtime, ReferenceKvServer server, String id) {
    this.runtime = runtime;
    this.server = server;
    this.id = id;
  }

  /**
   * Starts node {@code id} of {@code config}: opens its data directory, rebuilds its state from
   * disk and listens on its address. Throws {@link NetException} with a one-line message when the
   * data directory is unreadable or the address cannot be bound.
   */
  public static KvNode start(
      NodeConfig config, String id, Consumer<Throwable> onFailure, Consumer<String> roleLog)
      throws ConfigException {
    config.requireNode(id);
    Path dataDir = config.requireDataDir(id);
    FilePersister persister;
    try {
      persister = FilePersister.open(dataDir);
    } catch (IOException e) {
      throw new NetException(
          "node " + id + ": cannot use data directory " + dataDir + ": " + e.getMessage());
    }
    List<String> servers = config.ids();
    int me = servers.indexOf(id);
    NetRuntime.Options options =
        new NetRuntime.Options(
            id,
            config.resolved(),
            true,
            config.rpcTimeout(),
            onFailure,
            // ReferenceKvServer answers a KvRequest once its command is applied (committed), or
            // with a stateless error; a status is Raft's role, nothing a crash could take back.
            Set.of(KvRequest.class, StatusRequest.class),
            // Raft thesis §10.2.1: safe because the leader handles no acknowledgement before its
            // own fsync of the turn (see NetRuntime.flushHeld).
            Set.of(AppendEntries.class));
    NetRuntime.Started<ReferenceKvServer> started =
        NetRuntime.start(
            options,
            persister,
            ctx -> {
              ReferenceKvServer s =
                  new ReferenceKvServer(
                      ctx,
                      servers,
                      me,
                      new ReferenceRaftFactory(RaftTiming.DEFAULT, RaftOptions.REAL_NETWORK),
                      config.maxRaftState(),
                      ReferenceKvServer.Reads.READ_INDEX);
              ctx.handle(StatusRequest.class, r -> status(ctx, s.raft()));
              watchRole(ctx, s.raft(), roleLog, new int[] {-1}, new boolean[1]);
              return s;
            });
    return new KvNode(started.runtime(), started.node(), id);
  }

  private static NodeStatus status(NodeContext ctx, Raft raft) {
    Raft.RaftState st = raft.getState();
    return new NodeStatus(ctx.id(), st.term(), st.isLeader());
  }

  private static void watchRole(
      NodeContext ctx, Raft raft, Consumer<String> roleLog, int[] term, boolean[] leader) {
    Raft.RaftState st = raft.getState();
    if (st.isLeader() != leader[0] || (st.isLeader() && st.term() != term[0])) {
      roleLog.accept(
          "node "
              + ctx.id()
              + (st.isLeader() ? " is leader" : " is follower")
              + " in term "
              + st.term());
    }
    term[0] = st.term();
    leader[0] = st.isLeader();
    ctx.schedule(ROLE_POLL, () -> watchRole(ctx, raft, roleLog, term, leader));
  }

  public String id() {
    return id;
  }

  public NetRuntime runtime() {
    return runtime;
  }

  /** This node's Raft role, read on its event loop. */
  public Raft.RaftState state() {
    return runtime.callOnLoop(() -> server.raft().getState());
  }

  /** Stops the node as a crash would (what it saved stays on disk). */
  @Override
  public void close() {
    runtime.close();
  }
}
