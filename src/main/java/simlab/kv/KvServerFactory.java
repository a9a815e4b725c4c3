package simlab.kv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * Builds one KV replica (6.5840's {@code StartKVServer}). {@code servers} lists every replica's
 * node address; {@code me} is this one's position. The replica builds its Raft peer with {@code
 * raftFactory} on the same node. It snapshots when {@code ctx.persister().raftStateSize()} reaches
 * {@code maxRaftState} bytes (−1: never).
 */
@FunctionalInterface
public interface KvServerFactory {
  KvServer makeServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState);
}
