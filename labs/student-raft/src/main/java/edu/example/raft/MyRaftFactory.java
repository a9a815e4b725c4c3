package edu.example.raft;

import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * What the grader builds (6.5840's {@code Make}): {@code ./grade 3A --impl edu.example.raft.MyRaftFactory}.
 * The grader constructs it reflectively, so it keeps a public no-argument constructor.
 */
public final class MyRaftFactory implements RaftFactory {
  public MyRaftFactory() {
  }

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new MyRaft(ctx, peers, me, applyCh);
  }
}
