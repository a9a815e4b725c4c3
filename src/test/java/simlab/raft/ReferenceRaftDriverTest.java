package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import simlab.sim.NodeContext;
import simlab.sim.Persister;
import simlab.sim.Rpc;
import simlab.sim.Timer;

/**
 * The driver carries a Ready out in its documented order: whatever leaves the peer (a request, a
 * reply) finds the state it announces already in the persister.
 */
class ReferenceRaftDriverTest {

  /**
   * A NodeContext that runs nothing by itself: the test fires timers and delivers requests by hand.
   */
  static final class HandContext implements NodeContext {
    final Persister persister = new Persister();
    final Map<Class<?>, AsyncHandler<Object, Object>> handlers = new LinkedHashMap<>();
    final List<Runnable> timers = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public String id() {
      return "raft-0";
    }

    @Override
    public Duration now() {
      return Duration.ZERO;
    }

    @Override
    public long nowNanos() {
      return 0;
    }

    @Override
    public RandomGenerator random() {
      return new SplittableRandom(1); // test-only, outside any simulation
    }

    @Override
    public Persister persister() {
      return persister;
    }

    @Override
    public <R> void call(String peer, Rpc<R> request, Consumer<Optional<R>> onReply) {
      int savedTerm = PersistentState.decode(persister.readRaftState()).term();
      events.add(
          "call "
              + request.getClass().getSimpleName()
              + " term "
              + ((Message) request).term()
              + " saved "
              + savedTerm);
    }

    @Override
    public <Q extends Rpc<R>, R> void handle(Class<Q> type, Function<Q, R> handler) {
      throw new UnsupportedOperationException("ReferenceRaft answers asynchronously");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q extends Rpc<R>, R> void handleAsync(Class<Q> type, AsyncHandler<Q, R> handler) {
      handlers.put(type, (AsyncHandler<Object, Object>) (AsyncHandler<?, ?>) handler);
    }

    @Override
    public Timer schedule(String name, Duration delay, Runnable action) {
      timers.add(action);
      return new Timer() {
        @Override
        public void cancel() {
          timers.remove(action);
        }

        @Override
        public boolean pending() {
          return timers.contains(action);
        }
      };
    }

    @Override
    public boolean alive() {
      return true;
    }

    @Override
    public void log(String message) {}

    @Override
    public void annotate(String text) {}

    @Override
    public void status(String keyValues) {}

    @Override
    public List<String> peers() {
      return List.of("raft-0", "raft-1", "raft-2");
    }

    /**
     * Delivers a request and returns what the handler answered, checking the persister at that
     * moment.
     */
    Object deliver(Object request) {
      Object[] answer = new Object[1];
      handlers
          .get(request.getClass())
          .handle(
              request,
              new Responder<>() {
                @Override
                public void reply(Object reply) {
                  PersistentState saved = PersistentState.decode(persister.readRaftState());
                  events.add(
                      "reply term "
                          + ((Reply) reply).term()
                          + " saved "
                          + saved.term()
                          + " log "
                          + saved.entries().size());
                  answer[0] = reply;
                }

                @Override
                public void fail() {
                  events.add("fail");
                }
              });
      return answer[0];
    }
  }

  @Test
  void requestsOfANewTermLeaveOnlyAfterItIsSaved() {
    HandContext ctx = new HandContext();
    new ReferenceRaft(ctx, ctx.peers(), 0, msg -> {});
    assertEquals(1, ctx.timers.size(), "the election timer");
    ctx.timers.get(0).run(); // it fires: term 1, a RequestVote to each peer
    assertEquals(
        List.of("call RequestVote term 1 saved 1", "call RequestVote term 1 saved 1"), ctx.events);
  }

  @Test
  void aReplyLeavesOnlyAfterTheStateItReportsIsSaved() {
    HandContext ctx = new HandContext();
    new ReferenceRaft(ctx, ctx.peers(), 0, msg -> {});
    AppendEntriesReply r =
        (AppendEntriesReply)
            ctx.deliver(
                new AppendEntries(
                    4, 1, 0, 0, ImmutableList.of(new LogEntry(4, "x"), new LogEntry(4, "y")), 0));
    assertTrue(r.success());
    assertEquals(
        List.of("reply term 4 saved 4 log 2"),
        ctx.events,
        "term and entries are durable before the ack");
    RequestVoteReply vote = (RequestVoteReply) ctx.deliver(new RequestVote(3, 2, 9, 9));
    assertFalse(vote.voteGranted(), "a stale candidate");
    assertEquals("reply term 4 saved 4 log 2", ctx.events.get(1));
  }
}
