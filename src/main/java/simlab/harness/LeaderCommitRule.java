package simlab.harness;

import java.util.List;
import simlab.raft.Raft;
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
  private final Raft[] instance;
  private final int[] commit;
  private final int[] leaderTerm;

  LeaderCommitRule(Simulation sim, List<String> names) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.instance = new Raft[names.size()];
    this.commit = new int[names.size()];
    this.leaderTerm = new int[names.size()];
  }

  /** Checks live server {@code s}, whose current incarnation is {@code rf}. */
  void check(int s, Raft rf, RaftIntrospection view) {
    int c = view.commitIndex();
    int t = view.currentTerm();
    boolean leader = view.isLeader();
    if (rf == instance[s]
        && leader
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
    instance[s] = rf;
    commit[s] = c;
    leaderTerm[s] = leader ? t : -1;
  }
}
