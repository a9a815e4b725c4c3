package simlab.raft;

import java.util.List;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/** TEMPORARY stub on branch raftlab only, so the harness compiles until branch raft lands. */
public final class ReferenceRaftFactory implements RaftFactory {
  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    throw new UnsupportedOperationException("the reference Raft (branch raft) is not merged yet");
  }
}
