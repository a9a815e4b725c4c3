package simlab.kv;

import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.RaftOptions;
import simlab.raft.RaftTiming;
import simlab.raft.ReferenceRaft;
import simlab.sim.NodeContext;

/**
 * The real-network runtime's KV configuration in simulation: the reference KV server answering Gets
 * by ReadIndex ({@link ReferenceKvServer.Reads#READ_INDEX}) on reference Raft peers with ReadIndex
 * on ({@link RaftOptions#REAL_NETWORK}). One class is both factories, so the explorer's {@code
 * --impl} plugs in both at once (it uses the class for every factory it implements).
 */
public final class ReadIndexKv implements KvService, RaftFactory {
  @Override
  public KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    return new ReferenceKvServer(
        ctx, servers, me, raftFactory, maxRaftState, ReferenceKvServer.Reads.READ_INDEX);
  }

  @Override
  public Clerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceClerk(ctx, servers);
  }

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new ReferenceRaft(ctx, peers, me, applyCh, RaftTiming.DEFAULT, RaftOptions.REAL_NETWORK);
  }
}
