package simlab.kv;

import simlab.raft.Raft;
import simlab.rsm.Rsm;
import simlab.rsm.Submitted;
import simlab.sim.NodeContext;

/**
 * The reference server's RPC glue around a given RSM; with {@code localState} set, a leader answers
 * Get from it directly instead of through the log (see {@link ZooLocalReadKv}).
 */
final class ZooKvServer implements KvServer {
  private final Rsm rsm;
  private final KvStateMachine localState;
  private boolean killed;

  ZooKvServer(NodeContext ctx, Rsm rsm, KvStateMachine localState) {
    this.rsm = rsm;
    this.localState = localState;
    ctx.handleAsync(
        KvRequest.class,
        (request, responder) -> {
          if (killed) {
            responder.fail();
          } else if (localState != null
              && request.command().op() == Op.GET
              && rsm.raft().getState().isLeader()) {
            responder.reply((KvReply) localState.doOp(request.command()));
          } else {
            rsm.submit(request.command()).onComplete(s -> responder.reply(toReply(s)));
          }
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

  private static KvReply toReply(Submitted s) {
    return switch (s.err()) {
      case OK -> (KvReply) s.result();
      case WRONG_LEADER -> KvReply.of(Err.ERR_WRONG_LEADER);
      case TIMEOUT -> KvReply.of(Err.ERR_TIMEOUT);
    };
  }
}
