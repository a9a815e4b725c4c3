package simlab.kvraft1;

import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.kvsrv1.VersionedClerk;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmErr;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;

/**
 * Deliberately broken (for the 2025 evidence): a server that answers a Get from its own applied
 * state whenever its Raft believes it leads, without a trip through the log. A deposed leader cut
 * off in a minority still believes it leads and serves stale values.
 */
public final class ZooLocalReadKvRaft1 implements KvRaft1Service {
  @Override
  public KvRaft1Server makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    VersionedStore store = new VersionedStore();
    ReplicatedStateMachine rsm =
        rsmFactory.make(ctx, servers, me, raftFactory, maxRaftState, store);
    ctx.handle(
        GetArgs.class,
        a ->
            rsm.raft().getState().isLeader()
                ? (GetReply) store.doOp(a)
                : new GetReply("", 0, Err.ErrWrongLeader));
    ctx.handleAsync(
        PutArgs.class,
        (a, responder) ->
            rsm.submit(a)
                .onComplete(
                    s ->
                        responder.reply(
                            s.err() == RsmErr.OK
                                ? (PutReply) s.result()
                                : new PutReply(Err.ErrWrongLeader))));
    return new KvRaft1Server() {
      @Override
      public Raft raft() {
        return rsm.raft();
      }

      @Override
      public void kill() {
        rsm.kill();
      }
    };
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, List<String> servers) {
    return new ReferenceKvRaft1Clerk(ctx, servers);
  }
}
