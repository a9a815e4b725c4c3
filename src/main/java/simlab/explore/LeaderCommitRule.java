package simlab.explore;

import java.util.List;
import java.util.function.IntFunction;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * Figure 2's commit rule (§5.4.2): a leader advances its commit index only to an index N whose
 * entry is of its current term (a majority holding N); entries of earlier terms are committed only
 * along with such an entry. A leader that counts replicas of an earlier term's entry can commit
 * something a later leader overwrites (Figure 8), a sequence that needs several crashes to become
 * visible; this monitor sees the rule break at the moment it breaks. Run after every event: a
 * server that was leader of term T at the previous event and still is must, when its commit index
 * rose, have an entry of term T at the new commit index. Needs {@link RaftIntrospection}.
 */
final class LeaderCommitRule implements Runnable {
  static final String PROPERTY = "Leader Commit Rule";

  private final Simulation sim;
  private final List<String> names;
  private final IntFunction<Raft> peers;
  private final Raft[] instance;
  private final int[] commit;
  private final int[] leaderTerm;

  LeaderCommitRule(Simulation sim, List<String> names, IntFunction<Raft> peers) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.peers = peers;
    this.instance = new Raft[names.size()];
    this.commit = new int[names.size()];
    this.leaderTerm = new int[names.size()];
  }

  @Override
  public void run() {
    for (int s = 0; s < names.size(); s++) {
      Raft rf = peers.apply(s);
      if (!(rf instanceof RaftIntrospection view)) {
        continue;
      }
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
}
