package simlab.rsm.skeleton;

import java.util.List;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmErr;
import simlab.rsm.StateMachine;
import simlab.rsm.Submitted;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/** An RSM that does not work yet: every Submit answers WRONG_LEADER ("I'm dead, try another"). */
public final class SkeletonRsm implements ReplicatedStateMachine {
  private final NodeContext ctx;
  private final int maxRaftState;
  private final StateMachine sm;
  private final Raft raft;

  public SkeletonRsm(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    this.ctx = ctx;
    this.maxRaftState = maxRaftState;
    this.sm = sm;
    // TODO restore ctx.persister().readSnapshot() into sm (if not empty) before building Raft.
    this.raft = raftFactory.make(ctx, servers, me, this::onApply);
  }

  // TODO raft.start(request); if leader, keep a future for (index, term) and complete it from
  // onApply with Submitted.ok(sm.doOp(command)) when that index is applied with that term; answer
  // WRONG_LEADER when the entry there has another term or this peer stops leading that term
  // (poll raft.getState() with ctx.schedule). Never block: return the future at once.
  @Override
  public SimFuture<Submitted> submit(Object request) {
    return SimFuture.completed(Submitted.failed(RsmErr.WRONG_LEADER));
  }

  // TODO apply ApplyMsg.Command in order through sm.doOp; restore ApplyMsg.Snapshot; once
  // ctx.persister().raftStateSize() >= maxRaftState (and maxRaftState >= 0), call
  // raft.snapshot(lastApplied, bytes) with sm.snapshot() and the last applied index inside.
  private void onApply(ApplyMsg msg) {}

  @Override
  public Raft raft() {
    return raft;
  }

  // TODO answer every waiting submit WRONG_LEADER.
  @Override
  public void kill() {
    raft.kill();
  }
}
