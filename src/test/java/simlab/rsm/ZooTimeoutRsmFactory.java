package simlab.rsm;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * Deliberately broken (for the 2025 evidence): the 2024 services' wait policy, a submit also ends
 * with TIMEOUT after 500 ms. A leader cut off in a minority then answers its callers before it
 * knows whether their commands will commit, which 6.5840 2025's rsm contract forbids.
 */
public final class ZooTimeoutRsmFactory implements RsmFactory {
  @Override
  public ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    return new Rsm(
        ctx, servers, me, raftFactory, maxRaftState, sm, Rsm.Dedup.NONE, Rsm.WaitPolicy.TIMEOUT);
  }
}
