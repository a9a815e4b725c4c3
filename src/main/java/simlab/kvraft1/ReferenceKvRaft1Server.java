package simlab.kvraft1;

import java.util.List;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.ReplicatedStateMachine;
import simlab.rsm.RsmErr;
import simlab.rsm.RsmFactory;
import simlab.sim.NodeContext;

/**
 * The reference replica: a {@link VersionedStore} under the RSM, and two RPC handlers that submit
 * the request itself as the command and answer doOp's reply, or ErrWrongLeader for any RSM error.
 * Gets go through the log too, so a Get answered here reflects every Put committed before it.
 */
public final class ReferenceKvRaft1Server implements KvRaft1Server {
  private final ReplicatedStateMachine rsm;
  private boolean killed;

  public ReferenceKvRaft1Server(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    this.rsm = rsmFactory.make(ctx, servers, me, raftFactory, maxRaftState, new VersionedStore());
    ctx.handleAsync(
        GetArgs.class,
        (args, responder) -> {
          if (killed) {
            responder.fail();
            return;
          }
          rsm.submit(args)
              .onComplete(
                  s ->
                      responder.reply(
                          s.err() == RsmErr.OK
                              ? (GetReply) s.result()
                              : new GetReply("", 0, Err.ErrWrongLeader)));
        });
    ctx.handleAsync(
        PutArgs.class,
        (args, responder) -> {
          if (killed) {
            responder.fail();
            return;
          }
          rsm.submit(args)
              .onComplete(
                  s ->
                      responder.reply(
                          s.err() == RsmErr.OK
                              ? (PutReply) s.result()
                              : new PutReply(Err.ErrWrongLeader)));
        });
  }

  @Override
  public Raft raft() {
    return rsm.raft();
  }

  @Override
  public void kill() {
    killed = true;
    rsm.kill();
  }
}
