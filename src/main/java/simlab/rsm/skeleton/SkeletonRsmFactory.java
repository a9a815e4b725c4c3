package simlab.rsm.skeleton;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmFactory;
import simlab.rsm.StateMachine;
import simlab.sim.NodeContext;

/**
 * Builds {@link SkeletonRsm}s: select it with {@code --impl
 * rsm=simlab.rsm.skeleton.SkeletonRsmFactory}.
 */
public final class SkeletonRsmFactory implements RsmFactory {
  @Override
  public ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    return new SkeletonRsm(ctx, servers, me, raftFactory, maxRaftState, sm);
  }
}
