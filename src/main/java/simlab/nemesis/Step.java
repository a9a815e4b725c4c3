package simlab.nemesis;

import java.util.List;

/**
 * One timed step of a fault schedule. Times are whole milliseconds of virtual time since the driver
 * started ({@link #atMs()}); every fault lasts {@link #forMs()} and then undoes itself, so a step
 * is self-contained: dropping one never leaves another half-applied. Faults may overlap; their
 * effects compose (a link is down while any active step cuts it, a node stays down while any active
 * step crashed it). {@link Heal} ends every active fault.
 *
 * <p>The text of each step is one line of {@link ScheduleFormat}.
 */
public sealed interface Step {
  long atMs();

  /** How long the fault lasts; 0 for {@link Heal}. */
  long forMs();

  Step withAt(long atMs);

  Step withFor(long forMs);

  /** The step as one line of the text format. */
  default String text() {
    return ScheduleFormat.line(this);
  }

  /** When the fault ends (its own undo), i.e. at + for. */
  default long endMs() {
    return atMs() + forMs();
  }

  private static void check(long atMs, long forMs, boolean needsDuration) {
    if (atMs < 0) {
      throw new IllegalArgumentException("a step's time must be >= 0 ms, got " + atMs);
    }
    if (needsDuration ? forMs <= 0 : forMs != 0) {
      throw new IllegalArgumentException("a fault's duration must be > 0 ms, got " + forMs);
    }
  }

  /** Links between the two sides are cut both ways; links inside a side stay as they are. */
  record Partition(long atMs, NodeSet side, NodeSet other, long forMs) implements Step {
    public Partition {
      check(atMs, forMs, true);
      if (side instanceof NodeSet.Rest) {
        throw new IllegalArgumentException("the first side of a partition cannot be 'rest'");
      }
      if (side instanceof NodeSet.Ids a
          && other instanceof NodeSet.Ids b
          && a.ids().stream().anyMatch(b.ids()::contains)) {
        throw new IllegalArgumentException(
            "the sides of a partition overlap: " + a.text() + " " + b.text());
      }
    }

    @Override
    public Step withAt(long at) {
      return new Partition(at, side, other, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Partition(atMs, side, other, d);
    }
  }

  /**
   * Every link into and out of each of the nodes is cut (to every other node of the target, these
   * included).
   */
  record Isolate(long atMs, NodeSet nodes, long forMs) implements Step {
    public Isolate {
      check(atMs, forMs, true);
      noRest(nodes);
    }

    @Override
    public Step withAt(long at) {
      return new Isolate(at, nodes, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Isolate(atMs, nodes, d);
    }
  }

  /**
   * Two majorities that overlap in the {@code via} nodes: links between {@code left} and {@code
   * right} are cut, {@code via} keeps all its links (Jepsen's bridge).
   */
  record Bridge(long atMs, List<Integer> left, List<Integer> via, List<Integer> right, long forMs)
      implements Step {
    public Bridge {
      check(atMs, forMs, true);
      left = new NodeSet.Ids(left).ids();
      via = new NodeSet.Ids(via).ids();
      right = new NodeSet.Ids(right).ids();
      List<Integer> all = new java.util.ArrayList<>(left);
      all.addAll(via);
      all.addAll(right);
      new NodeSet.Ids(all); // rejects a node listed in two parts
    }

    @Override
    public Step withAt(long at) {
      return new Bridge(at, left, via, right, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Bridge(atMs, left, via, right, d);
    }
  }

  /** One-way cut: messages from {@code from} to {@code to} are lost; the other direction works. */
  record Cut(long atMs, NodeSet from, NodeSet to, long forMs) implements Step {
    public Cut {
      check(atMs, forMs, true);
      noRest(from);
    }

    @Override
    public Step withAt(long at) {
      return new Cut(at, from, to, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Cut(atMs, from, to, d);
    }
  }

  /**
   * The nodes crash (memory, timers and in-flight replies lost; the persister kept) and restart
   * from their persisters after {@code forMs}. {@code crash all} is a power loss: every node goes
   * down in the same instant and comes back in the same instant.
   */
  record Crash(long atMs, NodeSet nodes, long forMs) implements Step {
    public Crash {
      check(atMs, forMs, true);
      noRest(nodes);
    }

    @Override
    public Step withAt(long at) {
      return new Crash(at, nodes, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Crash(atMs, nodes, d);
    }
  }

  /**
   * Armed at {@code atMs}: the next time a leader accepts a command through Start, that server
   * crashes right after (in the next event at the same instant, before the entry can be committed),
   * and restarts after {@code forMs}. Disarmed by {@link Heal}.
   */
  record CrashLeaderAfterStart(long atMs, long forMs) implements Step {
    public CrashLeaderAfterStart {
      check(atMs, forMs, true);
    }

    @Override
    public Step withAt(long at) {
      return new CrashLeaderAfterStart(at, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new CrashLeaderAfterStart(atMs, d);
    }
  }

  /**
   * Armed at {@code atMs}: the next time a command commits (a server is the first of its group to
   * apply a new index), the nodes crash right after, in the next event at the same instant — before
   * the leader's next message tells followers the new commit index — and restart after {@code
   * forMs}. Followers that acknowledged the entry but had not yet made it durable lose it. Disarmed
   * by {@link Heal}.
   */
  record CrashAfterCommit(long atMs, NodeSet nodes, long forMs) implements Step {
    public CrashAfterCommit {
      check(atMs, forMs, true);
      noRest(nodes);
    }

    @Override
    public Step withAt(long at) {
      return new CrashAfterCommit(at, nodes, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new CrashAfterCommit(atMs, nodes, d);
    }
  }

  /** The network is unreliable (labrpc's drops and delays) for {@code forMs}. */
  record Unreliable(long atMs, long forMs) implements Step {
    public Unreliable {
      check(atMs, forMs, true);
    }

    @Override
    public Step withAt(long at) {
      return new Unreliable(at, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Unreliable(atMs, d);
    }
  }

  /** labrpc's long reordering of replies is on for {@code forMs}. */
  record Reorder(long atMs, long forMs) implements Step {
    public Reorder {
      check(atMs, forMs, true);
    }

    @Override
    public Step withAt(long at) {
      return new Reorder(at, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Reorder(atMs, d);
    }
  }

  /**
   * Requests are duplicated for {@code forMs}: a quarter of them arrive a second time, 0.1 to 1.6 s
   * late (see {@link simlab.sim.NetworkConfig#DUPLICATE_PER_MILLE}).
   */
  record Duplicate(long atMs, long forMs) implements Step {
    public Duplicate {
      check(atMs, forMs, true);
    }

    @Override
    public Step withAt(long at) {
      return new Duplicate(at, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Duplicate(atMs, d);
    }
  }

  /** Every message to or from the nodes is held for {@code forMs}, then delivered in order. */
  record Clog(long atMs, NodeSet nodes, long forMs) implements Step {
    public Clog {
      check(atMs, forMs, true);
      noRest(nodes);
    }

    @Override
    public Step withAt(long at) {
      return new Clog(at, nodes, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new Clog(atMs, nodes, d);
    }
  }

  /**
   * Armed at {@code atMs}: the next time the controller begins a configuration change, after a
   * delay of up to {@link #MAX_DELAY_MS} ms (drawn from the step's own stream, so the cut lands at
   * different points of the change), the controller is cut off from every node; a second controller
   * is started at once and must finish the change (6.5840's 5C recovery). After {@code forMs} the
   * first controller is reconnected, and must bail out of its change. Disarmed by {@link Heal}.
   * Only targets with a controller offer it ({@link NemesisTarget#hasController()}).
   */
  record CtrlerCut(long atMs, long forMs) implements Step {
    /**
     * The latest the cut comes after the change began (drawn to the microsecond): a change of the
     * reference takes 7 to 12 ms on a healthy network (measured at seed 1), longer under faults, so
     * the cut lands before, during and after its shard moves.
     */
    public static final long MAX_DELAY_MS = 15;

    /**
     * Added to a generated cut's duration: 6.5840's partitionCtrler keeps the controller cut off
     * for 1 s, plus 1 s with leases, before the successor's initController; a cut shorter than a
     * lease (1 s in the reference) ends before any successor may take over, and the first
     * controller simply carries on. The shrinker may still shorten it.
     */
    public static final long MIN_GENERATED_MS = 1000;

    public CtrlerCut {
      check(atMs, forMs, true);
    }

    @Override
    public Step withAt(long at) {
      return new CtrlerCut(at, forMs);
    }

    @Override
    public Step withFor(long d) {
      return new CtrlerCut(atMs, d);
    }
  }

  /**
   * Ends every active fault: links up, clogs released, crashed nodes restarted, network back to its
   * start mode.
   */
  record Heal(long atMs) implements Step {
    public Heal {
      check(atMs, 0, false);
    }

    @Override
    public long forMs() {
      return 0;
    }

    @Override
    public Step withAt(long at) {
      return new Heal(at);
    }

    /** A heal has no duration; returns itself. */
    @Override
    public Step withFor(long d) {
      return this;
    }
  }

  private static void noRest(NodeSet s) {
    if (s instanceof NodeSet.Rest) {
      throw new IllegalArgumentException(
          "'rest' is only allowed as a partition's second side or a cut's target");
    }
  }
}
