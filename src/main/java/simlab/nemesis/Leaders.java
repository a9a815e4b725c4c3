package simlab.nemesis;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import simlab.raft.Raft;

/** Finding the leader of a group: the live peer that claims leadership in the highest term. */
final class Leaders {
  private Leaders() {}

  /** Index into {@code ids} of the leader with the highest term, if any claims to lead. */
  static OptionalInt highestTerm(List<String> ids, Function<String, Raft> raftOf) {
    int best = -1;
    int bestTerm = -1;
    for (int i = 0; i < ids.size(); i++) {
      Raft rf = raftOf.apply(ids.get(i));
      if (rf != null) {
        Raft.RaftState st = rf.getState();
        if (st.isLeader() && st.term() > bestTerm) {
          best = i;
          bestTerm = st.term();
        }
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }
}
