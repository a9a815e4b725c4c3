package simlab.rsm;

import java.util.List;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * Deliberately broken (for the 2025 evidence): an RSM whose shutdown leaves waiting submits
 * unanswered, so a caller blocked in Submit when its server dies never returns.
 */
public final class ZooSilentKillRsmFactory implements RsmFactory {
  @Override
  public ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    Rsm inner =
        new Rsm(
            ctx,
            servers,
            me,
            raftFactory,
            maxRaftState,
            sm,
            Rsm.Dedup.NONE,
            Rsm.WaitPolicy.UNTIL_LEADERSHIP_CHANGES);
    return new ReplicatedStateMachine() {
      private boolean killed;

      @Override
      public SimFuture<Submitted> submit(Object request) {
        SimFuture<Submitted> f = new SimFuture<>();
        inner
            .submit(request)
            .onComplete(
                s -> {
                  if (!killed) {
                    f.complete(s);
                  }
                });
        return f;
      }

      @Override
      public Raft raft() {
        return inner.raft();
      }

      @Override
      public void kill() {
        killed = true;
        inner.kill();
      }
    };
  }
}
