package simlab.kvraft1;

import java.util.List;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.RaftFactory;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;

/**
 * A whole 2025 lab 4B/4C implementation, server and clerk (they share a wire protocol): the KVRAFT1
 * implementation kind ({@code --impl kvraft1=CLASS}, {@code -Dsim.kvraft1=CLASS}; a public class
 * with a no-argument constructor).
 */
public interface KvRaft1Service {
  /**
   * 6.5840's {@code StartKVServer}: one replica on {@code ctx}, at position {@code me} of {@code
   * servers}. It builds its RSM with {@code rsmFactory} (handing it {@code raftFactory}, {@code
   * maxRaftState} and itself as the state machine); the suites pass the RSM and Raft being graded.
   */
  KvRaft1Server makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState);

  /** 6.5840's {@code MakeClerk(clnt, servers)}: a clerk node talking to {@code servers}. */
  VersionedClerk makeClerk(NodeContext ctx, List<String> servers);
}
