package simlab.raft;

import java.util.List;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/**
 * The common shape of the zoo's broken Raft peers ({@code simlab.zoo.Zoo} lists them): the
 * reference driver around a core that breaks one rule. Each public subclass is an {@code --impl
 * raft=CLASS} choice with a public no-argument constructor.
 */
abstract class ZooRaftFactory implements RaftFactory {
  private final ReferenceRaft.CoreMaker coreMaker;

  ZooRaftFactory(ReferenceRaft.CoreMaker coreMaker) {
    this.coreMaker = coreMaker;
  }

  @Override
  public final Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new ReferenceRaft(ctx, peers, me, applyCh, coreMaker);
  }
}
