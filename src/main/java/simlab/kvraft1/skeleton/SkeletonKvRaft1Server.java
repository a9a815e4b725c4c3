package simlab.kvraft1.skeleton;

import java.util.List;
import simlab.kvraft1.KvRaft1Server;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmFactory;
import simlab.rsm.StateMachine;
import simlab.sim.NodeContext;

/** A replica that does not work yet: it answers every request ErrWrongLeader. */
public final class SkeletonKvRaft1Server implements KvRaft1Server, StateMachine {
  private final ReplicatedStateMachine rsm;

  public SkeletonKvRaft1Server(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    this.rsm = rsmFactory.make(ctx, servers, me, raftFactory, maxRaftState, this);
    // TODO submit each request to the RSM and answer with what doOp returned once it completes
    // (rsm.submit(args).onComplete(...)); answer ErrWrongLeader when the RSM says so.
    ctx.handle(GetArgs.class, a -> new GetReply("", 0, Err.ErrWrongLeader));
    ctx.handle(PutArgs.class, a -> new PutReply(Err.ErrWrongLeader));
  }

  // TODO apply GetArgs / PutArgs with kvsrv1's version rules; return a GetReply / PutReply.
  @Override
  public Object doOp(Object req) {
    return null;
  }

  // TODO encode the whole map (sorted, so equal states give equal bytes).
  @Override
  public byte[] snapshot() {
    return new byte[0];
  }

  // TODO replace the map with the snapshot's.
  @Override
  public void restore(byte[] snapshot) {}

  @Override
  public Raft raft() {
    return rsm.raft();
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
