package simlab.kv;

import java.util.List;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.Submitted;
import simlab.sim.NodeContext;

/**
 * The reference replica: a {@link KvStateMachine} under a {@link Rsm}, plus the RPC glue. Every
 * operation, reads included, goes through the Raft log and is answered only once it is applied: a
 * Get that is answered from the applied state of the log is linearizable without any lease or
 * read-index reasoning. The real-network runtime opts into {@link Reads#READ_INDEX}, where a Get
 * skips the log (see {@link Rsm#read}).
 *
 * <p>The RSM's outcomes map one to one: OK gives the state machine's reply, WRONG_LEADER gives
 * ERR_WRONG_LEADER, TIMEOUT gives ERR_TIMEOUT (the wait policy and its numbers are documented on
 * {@link Rsm}).
 */
public final class ReferenceKvServer implements KvServer {
  /** How a Get is answered. */
  public enum Reads {
    /** Through the Raft log, as every simulated suite runs it. */
    LOG,
    /**
     * With {@link Rsm#read}: by ReadIndex when the Raft peer offers it (the real-network runtime),
     * without a log entry; otherwise through the log.
     */
    READ_INDEX
  }

  private final Rsm rsm;
  private final Reads reads;
  private boolean killed;

  public ReferenceKvServer(
      NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory, int maxRaftState) {
    this(ctx, servers, me, raftFactory, maxRaftState, Reads.LOG);
  }

  /** As above, answering Gets as {@code reads} says. */
  public ReferenceKvServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      Reads reads) {
    this.reads = reads;
    this.rsm =
        new Rsm(
            ctx, servers, me, raftFactory, maxRaftState, new KvStateMachine(), Rsm.Dedup.BY_CLIENT);
    ctx.handleAsync(KvRequest.class, this::onRequest);
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

  private void onRequest(KvRequest request, NodeContext.Responder<KvReply> responder) {
    if (killed) {
      responder.fail();
      return;
    }
    Command c = request.command();
    (reads == Reads.READ_INDEX && c.readOnly() ? rsm.read(c) : rsm.submit(c))
        .onComplete(s -> responder.reply(toReply(s)));
  }

  private static KvReply toReply(Submitted s) {
    return switch (s.err()) {
      case OK -> (KvReply) s.result();
      case WRONG_LEADER -> KvReply.of(Err.ERR_WRONG_LEADER);
      case TIMEOUT -> KvReply.of(Err.ERR_TIMEOUT);
    };
  }
}
