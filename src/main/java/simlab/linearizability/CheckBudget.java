package simlab.linearizability;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared limits of one check, asked by every partition's search every few thousand steps: the
 * wall-clock deadline and the memory bound over all memos. Also records which limit ran out first.
 * A plain class rather than a lambda per partition: a check's first run in a JVM then loads and
 * links no lambda classes, which is part of a cold first check's time.
 */
final class CheckBudget implements StopSignal {
  private final List<? extends WglSearch<?, ?, ?>> searches;
  private final long deadline;
  private final long maxMemoryBytes;
  private final AtomicLong memo = new AtomicLong();

  /** "steps", "time" or "memory": the first budget that ran out; empty while none has. */
  private volatile String exhausted = "";

  CheckBudget(List<? extends WglSearch<?, ?, ?>> searches, long deadline, long maxMemoryBytes) {
    this.searches = searches;
    this.deadline = deadline;
    this.maxMemoryBytes = maxMemoryBytes;
  }

  @Override
  public Verdict stopWith(int partition) {
    if (memo.addAndGet(searches.get(partition).memoGrowth()) > maxMemoryBytes) {
      exhaust("memory");
      return Verdict.UNKNOWN;
    }
    if (System.nanoTime() - deadline > 0) { // wall-clock ok
      exhaust("time");
      return Verdict.UNKNOWN;
    }
    return null;
  }

  /** Records why the check stopped, unless an earlier reason was recorded. */
  synchronized void exhaust(String why) {
    if (exhausted.isEmpty()) {
      exhausted = why;
    }
  }

  String exhausted() {
    return exhausted;
  }
}
