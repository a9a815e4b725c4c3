package simlab.kv.skeleton;

import java.util.List;
import simlab.kv.Err;
import simlab.kv.KvReply;
import simlab.kv.KvRequest;
import simlab.kv.KvServer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/** A KV replica that does not work yet: it answers every request ERR_WRONG_LEADER. */
public final class SkeletonKvServer implements KvServer {
  private final NodeContext ctx;
  private final int maxRaftState;
  private final Raft raft;

  public SkeletonKvServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    this.ctx = ctx;
    this.maxRaftState = maxRaftState;
    // TODO restore your state from ctx.persister().readSnapshot() before Raft starts applying.
    this.raft = raftFactory.make(ctx, servers, me, this::onApply);
    ctx.handleAsync(KvRequest.class, this::onRequest);
  }

  private void onRequest(KvRequest request, NodeContext.Responder<KvReply> responder) {
    // TODO raft.start(request.command()); answer once the entry at that index is applied,
    // or ERR_WRONG_LEADER if another command lands there / the term changes; time out.
    responder.reply(KvReply.of(Err.ERR_WRONG_LEADER));
  }

  private void onApply(ApplyMsg msg) {
    // TODO apply commands at most once per (clientId, seq); install snapshots; call
    // raft.snapshot(index, bytes) when ctx.persister().raftStateSize() >= maxRaftState.
  }

  @Override
  public Raft raft() {
    return raft;
  }

  @Override
  public void kill() {
    raft.kill();
  }
}
