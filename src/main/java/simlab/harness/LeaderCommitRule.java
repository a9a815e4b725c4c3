package simlab.harness;

import java.util.Arrays;
import java.util.List;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * Figure 2's commit rule (§5.4.2): a leader advances its commit index only to an index N whose
 * entry is of its current term (a majority holding N); entries of earlier terms are committed only
 * along with such an entry. A leader that counts replicas of an earlier term's entry can commit
 * something a later leader overwrites (Figure 8), a sequence that needs several crashes to become
 * visible; this check sees the rule break at the moment it breaks. Part of {@link
 * RaftInvariantMonitor}, called for every live server after every event: a server that was leader
 * of term T at the previous event and still is must, when its commit index rose, have an entry of
 * term T at the new commit index. Needs {@link RaftIntrospection}.
 */
final class LeaderCommitRule {
  static final String PROPERTY = "Leader Commit Rule";

  private final Simulation sim;
  private final List<String> names;
  private final int[] commit;
  private final int[] leaderTerm;

  LeaderCommitRule(Simulation sim, List<String> names) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.leaderTerm = new int[names.size()];
    Arrays.fill(leaderTerm, -1);
    this.commit = new int[names.size()];
  }

  /** Server {@code s} is a new incarnation: what the old one led says nothing about it. */
  void forget(int s) {
    leaderTerm[s] = -1;
  }

  /** Checks live server {@code s} (the monitor calls {@link #forget} when it restarts). */
  void check(int s, RaftIntrospection view) {
    int c = view.commitIndex();
    int t = view.currentTerm();
    boolean leader = view.isLeader();
    if (leader
        && leaderTerm[s] == t
        && c > commit[s]
        && c > view.snapshotIndex()
        && c <= view.lastIndex()
        && view.termAt(c) != t) {
      throw sim.failure(
          PROPERTY
              + " violated: "
              + names.get(s)
              + ", leader of term "
              + t
              + ", moved its commit index from "
              + commit[s]
              + " to "
              + c
              + ", onto an entry of term "
              + view.termAt(c)
              + " (a leader commits by counting replicas only entries of its own term)",
          null);
    }
    commit[s] = c;
    leaderTerm[s] = leader ? t : -1;
  }
}
