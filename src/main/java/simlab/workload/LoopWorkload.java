package simlab.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Raft, KV and shardkv workloads share: one {@link OpLoop} per client, and the counts the
 * explorer and the benchmarks read from them. Subclasses add their loops and count each operation
 * they issue with {@link #countIssued()}.
 */
abstract class LoopWorkload implements Workload {
  protected final List<OpLoop> loops = new ArrayList<>();
  private long issued;

  /** Call once per operation a client issues (from its loop's operation callback). */
  protected final void countIssued() {
    issued++;
  }

  @Override
  public long completed() {
    return loops.stream().mapToLong(OpLoop::completed).sum();
  }

  @Override
  public long pending() {
    return issued - completed();
  }

  @Override
  public int[] issuedPerClient() {
    return loops.stream().mapToInt(OpLoop::issued).toArray();
  }

  @Override
  public int[] completedPerClient() {
    return loops.stream().mapToInt(OpLoop::completed).toArray();
  }
}
