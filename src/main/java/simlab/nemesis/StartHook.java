package simlab.nemesis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.ForwardingRaft;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.raft.RaftIntrospection;
import simlab.sim.NodeContext;

/**
 * Wraps a {@link RaftFactory} so the nemesis can see, without changing any service, when a leader
 * accepts a command through Start (for "crash the leader right after Start") and what each
 * incarnation applies (for the invariant monitor of clusters whose harness does not feed it). The
 * wrapped peer behaves exactly like the original; it keeps {@link RaftIntrospection} when the
 * original offers it.
 */
public final class StartHook {
  private final List<Consumer<String>> startListeners = new ArrayList<>();
  private final List<ApplyListener> applyListeners = new ArrayList<>();
  private final List<Consumer<String>> commitListeners = new ArrayList<>();

  /** Per Raft group (its peer list), the highest command index any member has applied. */
  private final Map<List<String>, Integer> highestApplied = new LinkedHashMap<>();

  /** Told about a new incarnation before its first apply, then about each apply message. */
  public interface ApplyListener {
    /**
     * @param snapshotIndex where the incarnation's state machine starts (its Raft's snapshot index)
     */
    void started(String node, int snapshotIndex);

    void applied(String node, ApplyMsg msg);
  }

  /** {@code listener} gets the node id of every leader that accepted a Start. */
  public void onLeaderStart(Consumer<String> listener) {
    startListeners.add(listener);
  }

  public void onApply(ApplyListener listener) {
    applyListeners.add(listener);
  }

  /**
   * {@code listener} gets the node id of the first server of its group to apply a command at an
   * index no server of the group applied before: the instant that command became committed, as far
   * as the leader's state machine can tell (for "crash right after a commit").
   */
  public void onCommit(Consumer<String> listener) {
    commitListeners.add(listener);
  }

  public RaftFactory wrap(RaftFactory factory) {
    return (ctx, peers, me, applyCh) -> make(factory, ctx, peers, me, applyCh);
  }

  private Raft make(
      RaftFactory factory,
      NodeContext ctx,
      List<String> peers,
      int me,
      Consumer<ApplyMsg> applyCh) {
    String node = ctx.id();
    // Applies delivered while the factory is still inside make() are shown to the
    // listeners only after it returns, when the incarnation's starting point is known.
    List<ApplyMsg> early = new ArrayList<>();
    boolean[] ready = {false};
    Consumer<ApplyMsg> tap =
        msg -> {
          if (ctx.alive() && msg instanceof ApplyMsg.Command c) {
            List<String> group = List.copyOf(peers);
            if (c.index() > highestApplied.getOrDefault(group, 0)) {
              highestApplied.put(group, c.index());
              for (Consumer<String> l : commitListeners) {
                l.accept(node);
              }
            }
          }
          if (!ctx.alive()) {
            // a killed incarnation's late applies are ignored, as the harnesses ignore them
          } else if (ready[0]) {
            for (ApplyListener l : applyListeners) {
              l.applied(node, msg);
            }
          } else {
            early.add(msg);
          }
          applyCh.accept(msg);
        };
    Raft raft = factory.make(ctx, peers, me, tap);
    if (raft == null) {
      return null;
    }
    if (raft instanceof RaftIntrospection view) {
      for (ApplyListener l : applyListeners) {
        l.started(node, view.snapshotIndex());
        early.forEach(m -> l.applied(node, m));
      }
      ready[0] = true;
    }
    // Without introspection the starting point is unknown: applies are not reported.
    BiConsumer<String, Raft.StartResult> onStart =
        (n, r) -> {
          if (r.isLeader()) {
            for (Consumer<String> l : startListeners) {
              l.accept(n);
            }
          }
        };
    return raft instanceof RaftIntrospection
        ? new ObservedIntrospectable(raft, node, onStart)
        : new Observed(raft, node, onStart);
  }

  private static class Observed extends ForwardingRaft {
    private final String node;
    private final BiConsumer<String, StartResult> onStart;

    Observed(Raft inner, String node, BiConsumer<String, StartResult> onStart) {
      super(inner);
      this.node = node;
      this.onStart = onStart;
    }

    @Override
    public StartResult start(Object command) {
      StartResult r = inner.start(command);
      onStart.accept(node, r);
      return r;
    }
  }

  private static final class ObservedIntrospectable extends Observed implements RaftIntrospection {
    private final RaftIntrospection view;

    ObservedIntrospectable(Raft inner, String node, BiConsumer<String, StartResult> onStart) {
      super(inner, node, onStart);
      this.view = (RaftIntrospection) inner;
    }

    @Override
    public int currentTerm() {
      return view.currentTerm();
    }

    @Override
    public boolean isLeader() {
      return view.isLeader();
    }

    @Override
    public int commitIndex() {
      return view.commitIndex();
    }

    @Override
    public int snapshotIndex() {
      return view.snapshotIndex();
    }

    @Override
    public int lastIndex() {
      return view.lastIndex();
    }

    @Override
    public int termAt(int index) {
      return view.termAt(index);
    }

    @Override
    public Object commandAt(int index) {
      return view.commandAt(index);
    }

    @Override
    public int votedFor() {
      return view.votedFor();
    }

    @Override
    public int acknowledgedIndex() {
      return view.acknowledgedIndex();
    }
  }
}
