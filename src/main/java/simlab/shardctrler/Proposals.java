package simlab.shardctrler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import simlab.raft.Raft;
import simlab.sim.NodeContext;
import simlab.sim.Timer;

/**
 * Commands this server proposed to Raft and whose outcome a client is waiting for. A
 * waiter is told the result when its index is applied with the term it was proposed in;
 * it is told "lost" when a different entry lands at that index (leadership changed),
 * when the log prefix is replaced by a snapshot, or when it has waited too long (a leader
 * stuck in a minority never learns it lost). Losing is safe: the client retries, and the
 * dedup table makes the retry harmless if the first proposal did commit after all.
 */
public final class Proposals {
  /** How long a proposal may wait for its commit before the client is told to retry. */
  public static final Duration PATIENCE = Duration.ofMillis(800);

  private final NodeContext ctx;
  private final Map<Integer, Waiter> byIndex = new TreeMap<>();

  private record Waiter(int term, Consumer<Object> onApplied, Runnable onLost, Timer timer) {
  }

  public Proposals(NodeContext ctx) {
    this.ctx = ctx;
  }

  /** Starts {@code command}; returns false (and calls nothing) if this peer is not the leader. */
  public boolean propose(Raft raft, Object command, Consumer<Object> onApplied, Runnable onLost) {
    Raft.StartResult r = raft.start(command);
    if (!r.isLeader()) {
      return false;
    }
    int index = r.index();
    Timer t = ctx.schedule(PATIENCE, () -> lose(index));
    Waiter old = byIndex.put(index, new Waiter(r.term(), onApplied, onLost, t));
    if (old != null) {
      old.timer().cancel();
      old.onLost().run();
    }
    return true;
  }

  /** Index {@code index} (from {@code term}) was applied with {@code result}. */
  public void applied(int index, int term, Object result) {
    Waiter w = byIndex.remove(index);
    if (w == null) {
      return;
    }
    w.timer().cancel();
    if (w.term() == term) {
      w.onApplied().accept(result);
    } else {
      w.onLost().run();
    }
  }

  /** A snapshot replaced everything through {@code index}: those waiters will never hear. */
  public void droppedThrough(int index) {
    List<Integer> gone = new ArrayList<>(((TreeMap<Integer, Waiter>) byIndex).headMap(index, true).keySet());
    for (int i : gone) {
      lose(i);
    }
  }

  private void lose(int index) {
    Waiter w = byIndex.remove(index);
    if (w != null) {
      w.timer().cancel();
      w.onLost().run();
    }
  }
}
