package simlab.rsm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import simlab.raft.Raft;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;
import simlab.sim.Timer;

/**
 * Submitted commands waiting for the entry at their log index, and the one policy that ends every
 * wait (see {@link Rsm} for the numbers and why):
 *
 * <ul>
 *   <li>the index is applied with the term Raft gave the command: {@link RsmErr#OK} with doOp's
 *       result (same index and term means the same entry, by Raft's Log Matching property, so the
 *       command itself need not be compared);
 *   <li>the index is applied with another term, a newer submit got the same index, a snapshot
 *       covers the index, a poll finds this peer no longer leader or in a newer term, or the
 *       replica shuts down: {@link RsmErr#WRONG_LEADER};
 *   <li>with {@link Rsm.WaitPolicy#TIMEOUT} only: still waiting {@link Rsm#COMMIT_TIMEOUT} after
 *       the submit: {@link RsmErr#TIMEOUT}.
 * </ul>
 *
 * One poll timer serves every waiter (armed only while some wait), so a busy leader does not keep a
 * timer per request; a timeout is noticed at the first poll at or after its deadline, i.e. within
 * one {@link Rsm#LEADERSHIP_POLL} of it.
 */
final class Waiters {
  private final NodeContext ctx;
  private final Supplier<Raft.RaftState> leadership;
  private final Rsm.WaitPolicy policy;
  private final TreeMap<Integer, Waiter> byIndex = new TreeMap<>();
  private Timer poll;

  private record Waiter(int term, long deadlineNanos, SimFuture<Submitted> future) {}

  Waiters(NodeContext ctx, Supplier<Raft.RaftState> leadership, Rsm.WaitPolicy policy) {
    this.ctx = ctx;
    this.leadership = leadership;
    this.policy = policy;
  }

  /** A future for the command Raft placed at {@code index} in {@code term}. */
  SimFuture<Submitted> await(int index, int term) {
    SimFuture<Submitted> f = new SimFuture<>();
    long deadline =
        policy == Rsm.WaitPolicy.TIMEOUT
            ? ctx.nowNanos() + Rsm.COMMIT_TIMEOUT.toNanos()
            : Long.MAX_VALUE;
    Waiter displaced = byIndex.put(index, new Waiter(term, deadline, f));
    if (poll == null) {
      poll = ctx.schedule(Rsm.LEADERSHIP_POLL, this::poll);
    }
    if (displaced != null) {
      // An older submit got this index in an earlier term: that entry was overwritten.
      displaced.future().complete(Submitted.failed(RsmErr.WRONG_LEADER));
    }
    return f;
  }

  /** The entry at {@code index}, written in {@code term}, was applied with {@code result}. */
  void applied(int index, int term, Object result) {
    Waiter w = byIndex.remove(index);
    if (w != null) {
      w.future()
          .complete(
              w.term() == term ? Submitted.ok(result) : Submitted.failed(RsmErr.WRONG_LEADER));
    }
  }

  /** A snapshot replaced every entry through {@code index}: their waiters will never hear. */
  void coveredThrough(int index) {
    fail(new ArrayList<>(byIndex.headMap(index, true).keySet()), RsmErr.WRONG_LEADER);
  }

  /** The replica shut down: answer everyone now rather than leave callers hanging. */
  void failAll() {
    if (poll != null) {
      poll.cancel();
      poll = null;
    }
    fail(new ArrayList<>(byIndex.keySet()), RsmErr.WRONG_LEADER);
  }

  int size() {
    return byIndex.size();
  }

  private void poll() {
    poll = null;
    Raft.RaftState now = leadership.get();
    long nowNanos = ctx.nowNanos();
    List<Integer> lost = new ArrayList<>();
    List<Integer> late = new ArrayList<>();
    for (Map.Entry<Integer, Waiter> e : byIndex.entrySet()) {
      Waiter w = e.getValue();
      if (!now.isLeader() || now.term() != w.term()) {
        lost.add(e.getKey());
      } else if (nowNanos >= w.deadlineNanos()) {
        late.add(e.getKey());
      }
    }
    fail(lost, RsmErr.WRONG_LEADER);
    fail(late, RsmErr.TIMEOUT);
    if (!byIndex.isEmpty() && poll == null) {
      poll = ctx.schedule(Rsm.LEADERSHIP_POLL, this::poll);
    }
  }

  /** Removes all of {@code indices} first, then answers them: an answer may submit again. */
  private void fail(List<Integer> indices, RsmErr err) {
    List<Waiter> gone = new ArrayList<>(indices.size());
    for (int i : indices) {
      gone.add(byIndex.remove(i));
    }
    for (Waiter w : gone) {
      w.future().complete(Submitted.failed(err));
    }
  }
}
