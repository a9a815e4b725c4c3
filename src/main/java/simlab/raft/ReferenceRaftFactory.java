package simlab.raft;

import java.util.List;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/** Builds the reference Raft peer; the default implementation the graded suites load. */
public final class ReferenceRaftFactory implements RaftFactory {
  private final RaftTiming timing;
  private final RaftOptions options;

  /** The default timing ({@link RaftTiming#DEFAULT}), as every graded suite runs it. */
  public ReferenceRaftFactory() {
    this(RaftTiming.DEFAULT);
  }

  /**
   * Peers with other election timeouts, heartbeat interval or Pre-Vote (experiments such as Figure
   * 16).
   */
  public ReferenceRaftFactory(RaftTiming timing) {
    this(timing, RaftOptions.DEFAULT);
  }

  /** Peers with protocol options beyond the graded defaults (the real-network runtime's). */
  public ReferenceRaftFactory(RaftTiming timing, RaftOptions options) {
    this.timing = timing;
    this.options = options;
  }

  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new ReferenceRaft(ctx, peers, me, applyCh, timing, options);
  }
}
