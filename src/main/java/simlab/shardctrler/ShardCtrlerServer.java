package simlab.shardctrler;

import java.util.List;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.ValueCodec;

/**
 * One replica of the configuration service: a {@link ConfigStateMachine} driven by Raft.
 * Every request (Query included, so reads are linearizable) goes through the log; the
 * RPC is answered only after its entry is applied ({@code handleAsync}), or told
 * "wrong leader" so the clerk tries elsewhere.
 *
 * <p>With {@code maxRaftState > 0} the replica snapshots its whole state (all configs and
 * the dedup table) once the persisted Raft state reaches that size.
 */
public final class ShardCtrlerServer implements Killable, RaftBacked {
  private final NodeContext ctx;
  private final Raft raft;
  private final int maxRaftState;
  private final ConfigStateMachine state = new ConfigStateMachine();
  private final Proposals proposals;
  private int lastApplied;

  public ShardCtrlerServer(NodeContext ctx, List<String> peers, int me, RaftFactory raftFactory, int maxRaftState) {
    this.ctx = ctx;
    this.maxRaftState = maxRaftState;
    this.proposals = new Proposals(ctx);
    byte[] snap = ctx.persister().readSnapshot();
    if (snap.length > 0) {
      restore(snap);
    }
    ctx.handleAsync(CtrlerRequest.class, (req, responder) -> {
      boolean leader = proposals.propose(raft(), req,
          result -> responder.reply(new CtrlerReply(false, (Config) result)),
          () -> responder.reply(CtrlerReply.wrong()));
      if (!leader) {
        responder.reply(CtrlerReply.wrong());
      }
    });
    this.raft = raftFactory.make(ctx, peers, me, this::onApply);
  }

  private Raft raft() {
    return raft;
  }

  private void onApply(ApplyMsg msg) {
    if (msg instanceof ApplyMsg.Command c) {
      {
        if (c.index() <= lastApplied) {
          return;
        }
        lastApplied = c.index();
        Object result = c.command() instanceof CtrlerRequest req ? state.apply(req) : null;
        proposals.applied(c.index(), c.term(), result);
        if (maxRaftState > 0 && ctx.persister().raftStateSize() >= maxRaftState) {
          raft.snapshot(c.index(), encode());
        }
      }
    } else if (msg instanceof ApplyMsg.Snapshot s) {
      {
        if (s.index() <= lastApplied) {
          return;
        }
        restore(s.snapshot());
        lastApplied = s.index();
        proposals.droppedThrough(s.index());
      }
    }
  }

  private byte[] encode() {
    return ValueCodec.encode(new Persisted(lastApplied, state.snapshot()));
  }

  private void restore(byte[] bytes) {
    Persisted p = ValueCodec.decode(bytes, Persisted.class);
    state.restore(p.state());
    lastApplied = p.lastApplied();
  }

  /** What a snapshot holds. */
  public record Persisted(int lastApplied, ConfigStateMachine.Snapshot state) {
  }

  /** For tests and monitors: the configuration this replica has applied most recently. */
  public Config latestApplied() {
    return state.latest();
  }

  @Override
  public Raft raftPeer() {
    return raft;
  }

  @Override
  public void kill() {
    raft.kill();
  }
}
