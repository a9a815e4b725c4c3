package simlab.harness;

import java.util.List;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * "A server never loses a log entry it has acknowledged to a leader of that term", exactly: a
 * monitor, run after every event, over what each server says it acknowledged ({@link
 * RaftIntrospection#acknowledgedIndex()}). The leader counted those entries towards a commit, so as
 * long as the server's term is the term of the acknowledgement, the entry at the highest
 * acknowledged index must stay in its log with the same term, or inside its snapshot — across
 * crashes and restarts (the record is kept here, not in the incarnation). A later term may
 * legitimately overwrite it (the leader of that term decides), so the record expires then.
 *
 * <p>Part of {@link RaftInvariantMonitor}, which calls it for every live server after every event.
 * The monitor's Acknowledged Entry Durability can only use the commit index as a stand-in for what
 * was acknowledged, which misses an entry lost in the gap between the reply and the next commit
 * index a follower hears of (replying before saving, a shorter or stale request or an
 * InstallSnapshot cutting acknowledged entries off); this check closes that gap for implementations
 * that expose the index, and leaves the others to the stand-in.
 */
final class AcknowledgedEntries {
  static final String PROPERTY = "Acknowledged Entries Kept";

  private static final int UNKNOWN = Integer.MIN_VALUE;

  private final Simulation sim;
  private final List<String> names;
  private final int[] term;
  private final int[] index;
  private final int[] entryTerm;

  AcknowledgedEntries(Simulation sim, List<String> names) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.term = new int[names.size()];
    this.index = new int[names.size()];
    this.entryTerm = new int[names.size()];
  }

  /** Checks live server {@code s} (its current incarnation's view). */
  void check(int s, RaftIntrospection view) {
    int a = view.acknowledgedIndex();
    if (a == RaftIntrospection.ACK_NOT_EXPOSED) {
      return;
    }
    int t = view.currentTerm();
    if (t < term[s]) {
      return; // the term went back (a persistence bug the shared monitor names)
    }
    int snap = view.snapshotIndex();
    int last = view.lastIndex();
    if (t > term[s]) {
      term[s] = t;
      index[s] = 0;
    }
    if (a > index[s]) {
      index[s] = a;
      entryTerm[s] = a >= snap && a <= last ? view.termAt(a) : UNKNOWN;
    }
    int i = index[s];
    if (i == 0 || i <= snap) {
      return;
    }
    if (i > last) {
      throw violation(
          s,
          "its log now ends at index " + last + " and its snapshot at " + snap + ", in term " + t);
    }
    if (entryTerm[s] != UNKNOWN && view.termAt(i) != entryTerm[s]) {
      throw violation(
          s,
          "it held an entry of term "
              + entryTerm[s]
              + " there and now holds one of term "
              + view.termAt(i)
              + ", still in term "
              + t);
    }
  }

  private RuntimeException violation(int s, String detail) {
    return sim.failure(
        PROPERTY
            + " violated: "
            + names.get(s)
            + " acknowledged the entries up to index "
            + index[s]
            + " to the leader of term "
            + term[s]
            + ", but "
            + detail
            + " (an acknowledged entry must be persisted before the reply and never cut off in"
            + " that term)",
        null);
  }
}
