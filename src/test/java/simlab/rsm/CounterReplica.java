package simlab.rsm;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.Killable;
import simlab.sim.NodeContext;

/**
 * One node of the rsm unit tests: the {@link Counter} under an {@link Rsm} on a Raft the test
 * drives by hand ({@link FakeRaft}, or {@link ReadIndexFakeRaft} for reads).
 */
class CounterReplica<R extends Raft> implements Killable {
  final Counter counter = new Counter();
  final Rsm rsm;
  R raft;

  CounterReplica(
      NodeContext ctx, int maxRaftState, BiFunction<NodeContext, Consumer<ApplyMsg>, R> makeRaft) {
    rsm =
        new Rsm(
            ctx,
            List.of(ctx.id()),
            0,
            (c, peers, me, applyCh) -> raft = makeRaft.apply(c, applyCh),
            maxRaftState,
            counter,
            Rsm.Dedup.BY_CLIENT);
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
