package simlab.nemesis;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import simlab.raft.Raft;

/** Finding the leader of a group: the live peer that claims leadership in the highest term. */
public final class Leaders {
  private Leaders() {}

  /** Index into {@code ids} of the leader with the highest term, if any claims to lead. */
  static OptionalInt highestTerm(List<String> ids, Function<String, Raft> raftOf) {
    return highestTermAmong(
        IntStream.range(0, ids.size()).boxed().toList(), i -> raftOf.apply(ids.get(i)));
  }

  /**
   * Which of {@code indices} (in their order, the first on a tie) is the leader with the highest
   * term, if any claims to lead; {@code raftAt} gives null for a peer that is down.
   */
  public static OptionalInt highestTermAmong(List<Integer> indices, IntFunction<Raft> raftAt) {
    int best = -1;
    int bestTerm = -1;
    for (int i : indices) {
      Raft rf = raftAt.apply(i);
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
