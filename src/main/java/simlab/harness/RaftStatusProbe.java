package simlab.harness;

import java.util.List;
import java.util.function.IntFunction;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * Publishes each Raft peer's status (role, term, commit index, last log index) into the kept trace
 * whenever it changes, for the run report's lanes. It runs after every event but only when the
 * simulation keeps its trace, reads the peers and never changes them, and its records stay out of
 * the trace hash. A peer without {@link RaftIntrospection} shows only leader/follower and its term.
 */
public final class RaftStatusProbe implements Runnable {
  private final Simulation sim;
  private final List<String> names;
  private final IntFunction<Raft> peers;

  /** Last published (role code, term, commit, last) per peer; role code -1 = nothing yet. */
  private final int[][] last;

  private RaftStatusProbe(Simulation sim, List<String> names, IntFunction<Raft> peers) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.peers = peers;
    this.last = new int[names.size()][];
    for (int i = 0; i < last.length; i++) {
      last[i] = new int[] {-1, 0, 0, 0};
    }
  }

  /** Adds a probe for these peers to {@code sim} if it keeps its trace; otherwise does nothing. */
  public static void attach(Simulation sim, List<String> names, IntFunction<Raft> peers) {
    if (sim.trace().keepsLines()) {
      sim.addMonitor(new RaftStatusProbe(sim, names, peers));
    }
  }

  @Override
  public void run() {
    for (int i = 0; i < last.length; i++) {
      Raft rf = peers.apply(i);
      if (rf == null) {
        last[i][0] = -1; // crashed: publish again once it is back
        continue;
      }
      String role;
      int term;
      int commit = -1;
      int lastIndex = -1;
      if (rf instanceof RaftIntrospection v) {
        role = v.role();
        term = v.currentTerm();
        commit = v.commitIndex();
        lastIndex = v.lastIndex();
      } else {
        Raft.RaftState st = rf.getState();
        role = st.isLeader() ? "leader" : "follower";
        term = st.term();
      }
      int code = role.hashCode() & 0x7fffffff;
      int[] p = last[i];
      if (p[0] != code || p[1] != term || p[2] != commit || p[3] != lastIndex) {
        p[0] = code;
        p[1] = term;
        p[2] = commit;
        p[3] = lastIndex;
        sim.trace()
            .status(
                sim.nowNanos(),
                names.get(i),
                "role="
                    + role
                    + " term="
                    + term
                    + (commit >= 0 ? " commit=" + commit + " last=" + lastIndex : ""));
      }
    }
  }
}
