package simlab.grading;

import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.ForwardingRaft;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;

/**
 * A "student" Raft with a classic bug for the report tests: a peer that was ever leader keeps
 * telling the tester it leads, even after a newer leader took over, so TestReElection3A fails once
 * the old leader rejoins (two leaders in one term).
 */
public final class StaleLeaderRaftFactory implements RaftFactory {
  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    Raft inner = new ReferenceRaftFactory().make(ctx, peers, me, applyCh);
    return new ForwardingRaft(inner) {
      private boolean wasLeader;

      @Override
      public RaftState getState() {
        RaftState s = inner.getState();
        wasLeader |= s.isLeader();
        return new RaftState(s.term(), wasLeader);
      }
    };
  }
}
