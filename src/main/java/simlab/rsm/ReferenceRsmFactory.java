package simlab.rsm;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * The reference 2025 RSM: {@link Rsm} with 6.5840 2025's contract. No duplicate table (2025's
 * services keep retried writes safe with versions, not client ids) and {@link
 * Rsm.WaitPolicy#UNTIL_LEADERSHIP_CHANGES}: a submit ends only when its entry is applied, this
 * replica stops leading the submit's term, or the replica shuts down. TestLeaderPartition4A
 * requires that last point: a Submit at a leader cut off in a minority must still be waiting a
 * second later, so the 2024 services' 500 ms commit timeout would fail it.
 */
public final class ReferenceRsmFactory implements RsmFactory {
  @Override
  public ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    return new Rsm(
        ctx,
        servers,
        me,
        raftFactory,
        maxRaftState,
        sm,
        Rsm.Dedup.NONE,
        Rsm.WaitPolicy.UNTIL_LEADERSHIP_CHANGES);
  }
}
