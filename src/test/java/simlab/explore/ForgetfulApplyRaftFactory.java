package simlab.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;

/**
 * A deliberately broken Raft for the explorer's own tests: the reference, except that a restarted
 * incarnation loses the first command it would apply (an applier that skips an entry). Any restart,
 * the explorer's final power loss included, breaks the apply order. One instance per run (the
 * explorer makes a fresh one per run), so its count is not shared.
 */
public final class ForgetfulApplyRaftFactory implements RaftFactory {
  private final RaftFactory inner = new ReferenceRaftFactory();
  private final Map<String, Integer> incarnations = new LinkedHashMap<>();

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    int incarnation = incarnations.merge(ctx.id(), 1, Integer::sum);
    if (incarnation == 1) {
      return inner.make(ctx, peers, me, applyCh);
    }
    boolean[] dropped = {false};
    return inner.make(
        ctx,
        peers,
        me,
        msg -> {
          if (!dropped[0] && msg instanceof ApplyMsg.Command) {
            dropped[0] = true;
            return;
          }
          applyCh.accept(msg);
        });
  }
}
