package simlab.kv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;
import simlab.sim.Timer;

/**
 * The reference replica. Every operation, reads included, goes through the Raft log and
 * is answered only once it is applied: a Get that is answered from the applied state of
 * the log is linearizable without any lease or read-index reasoning.
 *
 * <p>A request waits at the leader until the entry at the index Raft gave it is applied.
 * It is answered ERR_WRONG_LEADER when a different command shows up at that index, when
 * the term changes or leadership is lost (checked every {@link #LEADERSHIP_POLL}), when a
 * snapshot covers the index, and ERR_TIMEOUT after {@link #COMMIT_TIMEOUT}; so a clerk
 * never waits on a leader that was cut off in a minority.
 */
public final class ReferenceKvServer implements KvServer {
  /** How long a request may wait for its entry to be applied before the clerk is told to retry. */
  static final Duration COMMIT_TIMEOUT = Duration.ofMillis(500);
  /** How often pending requests check that their leader is still leading in the same term. */
  static final Duration LEADERSHIP_POLL = Duration.ofMillis(50);

  private final NodeContext ctx;
  private final int maxRaftState;
  private final KvStateMachine state = new KvStateMachine();
  private final TreeMap<Integer, Pending> pending = new TreeMap<>();
  private final Raft raft;
  private int lastApplied;
  private boolean killed;

  /** A request waiting for the log entry at its index. */
  private static final class Pending {
    final int term;
    final Command command;
    final NodeContext.Responder<KvReply> responder;
    Timer timeout;

    Pending(int term, Command command, NodeContext.Responder<KvReply> responder) {
      this.term = term;
      this.command = command;
      this.responder = responder;
    }

    void answer(KvReply reply) {
      if (timeout != null) {
        timeout.cancel();
      }
      responder.reply(reply);
    }
  }

  public ReferenceKvServer(NodeContext ctx, List<String> servers, int me, RaftFactory raftFactory,
      int maxRaftState) {
    this.ctx = ctx;
    this.maxRaftState = maxRaftState;
    byte[] snapshot = ctx.persister().readSnapshot();
    if (snapshot.length > 0) {
      lastApplied = state.restore(snapshot);
    }
    ctx.handleAsync(KvRequest.class, this::onRequest);
    this.raft = raftFactory.make(ctx, servers, me, this::onApply);
    pollLeadership();
  }

  @Override
  public Raft raft() {
    return raft;
  }

  @Override
  public void kill() {
    killed = true;
    raft.kill();
    for (Pending p : pending.values()) {
      p.responder.fail();
    }
    pending.clear();
  }

  private void onRequest(KvRequest request, NodeContext.Responder<KvReply> responder) {
    if (killed) {
      responder.fail();
      return;
    }
    Raft.StartResult started = raft.start(request.command());
    if (!started.isLeader()) {
      responder.reply(KvReply.of(Err.ERR_WRONG_LEADER));
      return;
    }
    int index = started.index();
    Pending p = new Pending(started.term(), request.command(), responder);
    Pending displaced = pending.put(index, p);
    if (displaced != null) {
      // An older request was given the same index in an earlier term: its entry is gone.
      displaced.answer(KvReply.of(Err.ERR_WRONG_LEADER));
    }
    p.timeout = ctx.schedule(COMMIT_TIMEOUT, () -> {
      if (pending.get(index) == p) {
        pending.remove(index);
        p.responder.reply(KvReply.of(Err.ERR_TIMEOUT));
      }
    });
  }

  private void onApply(ApplyMsg msg) {
    if (killed) {
      return;
    }
    if (msg instanceof ApplyMsg.Command c) {
      applyCommand(c);
    } else if (msg instanceof ApplyMsg.Snapshot s) {
      applySnapshot(s);
    }
  }

  private void applyCommand(ApplyMsg.Command c) {
    if (c.index() <= lastApplied) {
      return;
    }
    if (c.index() != lastApplied + 1) {
      throw new IllegalStateException(ctx.id() + ": Raft applied index " + c.index() + " right after "
          + lastApplied + " (a gap in the applied log)");
    }
    lastApplied = c.index();
    KvReply reply = c.command() instanceof Command cmd ? state.apply(cmd) : null;
    Pending p = pending.remove(c.index());
    if (p != null) {
      boolean mine = reply != null && p.command.equals(c.command());
      p.answer(mine ? reply : KvReply.of(Err.ERR_WRONG_LEADER));
    }
    maybeSnapshot();
  }

  private void applySnapshot(ApplyMsg.Snapshot s) {
    if (s.index() <= lastApplied) {
      return;
    }
    lastApplied = state.restore(s.snapshot());
    // Requests covered by the snapshot may or may not have been applied: let the clerks
    // retry; the duplicate table in the snapshot keeps their writes at-most-once.
    Map<Integer, Pending> covered = pending.headMap(lastApplied, true);
    List<Pending> answered = new ArrayList<>(covered.values());
    covered.clear();
    answered.forEach(p -> p.answer(KvReply.of(Err.ERR_WRONG_LEADER)));
  }

  private void maybeSnapshot() {
    if (maxRaftState >= 0 && ctx.persister().raftStateSize() >= maxRaftState) {
      raft.snapshot(lastApplied, state.snapshot(lastApplied));
    }
  }

  private void pollLeadership() {
    ctx.schedule(LEADERSHIP_POLL, () -> {
      if (killed) {
        return;
      }
      if (!pending.isEmpty()) {
        Raft.RaftState now = raft.getState();
        List<Integer> stale = new ArrayList<>();
        pending.forEach((index, p) -> {
          if (!now.isLeader() || now.term() != p.term) {
            stale.add(index);
          }
        });
        for (Integer index : stale) {
          pending.remove(index).answer(KvReply.of(Err.ERR_WRONG_LEADER));
        }
      }
      pollLeadership();
    });
  }
}
