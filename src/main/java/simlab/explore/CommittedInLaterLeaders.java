package simlab.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * "A command once reported committed is in the log of every later leader": a monitor, run after
 * every event, over the commands a client was told were committed (for Raft, {@link
 * simlab.workload.RaftWorkload#acknowledged()}). When an acknowledgement is first seen, the highest
 * term of any live server is noted; every leader of a strictly higher term was elected later and
 * must hold the command at its index (an index inside its snapshot counts as held). Needs {@link
 * RaftIntrospection}; without it nothing is checked.
 *
 * <p>Cheap per event: each (server, term) is checked only against acknowledgements it has not been
 * checked against yet, with a full re-check every {@value #FULL_EVERY} events.
 */
final class CommittedInLaterLeaders implements Runnable {
  static final int FULL_EVERY = 512;

  private record Ack(int index, Object command, int termAtAck) {}

  private final Simulation sim;
  private final List<String> names;
  private final IntFunction<Raft> peers;
  private final Supplier<Map<Integer, Integer>> acknowledged;
  private final List<Ack> acks = new ArrayList<>();
  private final java.util.Set<Integer> seen = new java.util.TreeSet<>();
  private final int[] checkedTerm;
  private final int[] checkedUpTo;
  private long runs;

  CommittedInLaterLeaders(
      Simulation sim,
      List<String> names,
      IntFunction<Raft> peers,
      Supplier<Map<Integer, Integer>> acknowledged) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.peers = peers;
    this.acknowledged = acknowledged;
    this.checkedTerm = new int[names.size()];
    this.checkedUpTo = new int[names.size()];
    Arrays.fill(checkedTerm, -1);
  }

  @Override
  public void run() {
    Map<Integer, Integer> now = acknowledged.get();
    if (now.size() > acks.size()) {
      int term = maxTerm();
      // acknowledged() is sorted by index; take the ones not seen yet
      for (Map.Entry<Integer, Integer> e : now.entrySet()) {
        if (seen.add(e.getKey())) {
          acks.add(new Ack(e.getKey(), e.getValue(), term));
        }
      }
    }
    boolean full = ++runs % FULL_EVERY == 0;
    for (int s = 0; s < names.size(); s++) {
      Raft rf = peers.apply(s);
      if (!(rf instanceof RaftIntrospection view) || !rf.getState().isLeader()) {
        continue;
      }
      int term = rf.getState().term();
      if (term != checkedTerm[s] || full) {
        checkedTerm[s] = term;
        checkedUpTo[s] = 0;
      }
      for (int k = checkedUpTo[s]; k < acks.size(); k++) {
        check(s, term, view, acks.get(k));
      }
      checkedUpTo[s] = acks.size();
    }
  }

  private void check(int s, int term, RaftIntrospection log, Ack a) {
    if (term <= a.termAtAck() || a.index() <= log.snapshotIndex()) {
      return;
    }
    if (a.index() > log.lastIndex() || !Objects.equals(log.commandAt(a.index()), a.command())) {
      Object has =
          a.index() > log.lastIndex()
              ? "nothing (its log ends at " + log.lastIndex() + ")"
              : log.commandAt(a.index());
      throw sim.failure(
          PropertyNames.COMMITTED_IN_LATER_LEADERS
              + " violated: "
              + names.get(s)
              + " leads term "
              + term
              + " but holds "
              + has
              + " at index "
              + a.index()
              + ", where command "
              + a.command()
              + " was reported committed to a client while the highest term was "
              + a.termAtAck(),
          null);
    }
  }

  private int maxTerm() {
    int max = 0;
    for (int s = 0; s < names.size(); s++) {
      Raft rf = peers.apply(s);
      if (rf != null) {
        max = Math.max(max, rf.getState().term());
      }
    }
    return max;
  }
}
