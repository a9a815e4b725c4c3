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
 * The reference Raft, except that every peer reports its term plus the whole seconds of virtual
 * time elapsed: all peers still agree on one term at any instant, so TestInitialElection3A passes,
 * but the term changes without failures — the case 6.5840 only warns about. The tests check that
 * grade and replay show that warning.
 */
public final class TermBumpingRaftFactory implements RaftFactory {
  private final RaftFactory reference = new ReferenceRaftFactory();

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    Raft inner = reference.make(ctx, peers, me, applyCh);
    return new ForwardingRaft(inner) {
      @Override
      public RaftState getState() {
        RaftState s = inner.getState();
        return new RaftState(s.term() + (int) ctx.now().toSeconds(), s.isLeader());
      }
    };
  }
}
