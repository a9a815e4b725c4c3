package simlab.shardctrler;

import java.util.List;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.rsm.Rsm;
import simlab.rsm.RsmErr;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * One replica of the configuration service: a {@link ConfigStateMachine} under a {@link Rsm}, plus
 * the RPC glue. Every request (Query included, so reads are linearizable) goes through the log; the
 * RPC is answered only after its entry is applied ({@code handleAsync}), or told "wrong leader"
 * (the RSM's WRONG_LEADER or TIMEOUT) so the clerk tries elsewhere.
 *
 * <p>With {@code maxRaftState ≥ 0} the replica snapshots its whole state (all configs and the
 * duplicate table) once the persisted Raft state reaches that size.
 */
public final class ShardCtrlerServer implements Killable, RaftBacked {
  private final ConfigStateMachine state = new ConfigStateMachine();
  private final Rsm rsm;

  public ShardCtrlerServer(
      NodeContext ctx, List<String> peers, int me, RaftFactory raftFactory, int maxRaftState) {
    this.rsm = new Rsm(ctx, peers, me, raftFactory, maxRaftState, state, Rsm.Dedup.BY_CLIENT);
    ctx.handleAsync(
        CtrlerRequest.class,
        (req, responder) ->
            rsm.submit(req)
                .onComplete(
                    s ->
                        responder.reply(
                            s.err() == RsmErr.OK
                                ? new CtrlerReply(false, (Config) s.result())
                                : CtrlerReply.wrong())));
  }

  /** For tests and monitors: the configuration this replica has applied most recently. */
  public Config latestApplied() {
    return state.latest();
  }

  @Override
  public Raft raftPeer() {
    return rsm.raft();
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
