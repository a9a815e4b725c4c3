package simlab.raft.skeleton;

import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * The student's entry point (6.5840's {@code Make}). Grade it with {@code mvn test -Dgroups=3A
 * -Dsim.raft=simlab.raft.skeleton.SkeletonRaftFactory} or {@code test-scripts/grade 3A --impl
 * simlab.raft.skeleton.SkeletonRaftFactory}. Copy this package to your own, rename, and fill in
 * {@link SkeletonRaft}.
 */
public final class SkeletonRaftFactory implements RaftFactory {
  /** The graders build the factory reflectively: keep a public no-argument constructor. */
  public SkeletonRaftFactory() {}

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new SkeletonRaft(ctx, peers, me, applyCh);
  }
}
