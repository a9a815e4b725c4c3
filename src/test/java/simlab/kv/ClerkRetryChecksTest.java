package simlab.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.sim.SimFuture;
import simlab.sim.Simulation;

/**
 * How the reference clerk retries when no server leads (its class comment): the next server at once
 * after each refusal, and a {@link ReferenceClerk#ROUND_PAUSE} pause after every full round of
 * servers, so an election can finish instead of the clerk flooding the network. Added for mutants
 * PIT found surviving: the suites always have a leader soon, so a clerk that never pauses passed
 * them.
 */
class ClerkRetryChecksTest {
  private record Request(long nanos, String server) {}

  private final Simulation sim = new Simulation(1);
  private final List<String> servers = List.of("s0", "s1", "s2");
  private final List<Request> seen = new ArrayList<>();
  private boolean anyLeader;

  private void addServers() {
    for (String id : servers) {
      sim.addNode(
          id,
          ctx -> {
            ctx.handle(
                KvRequest.class,
                r -> {
                  seen.add(new Request(sim.nowNanos(), id));
                  return anyLeader ? new KvReply(Err.OK, "v") : KvReply.of(Err.ERR_WRONG_LEADER);
                });
            return ctx;
          });
    }
  }

  @Test
  void triesEachServerInTurnAndPausesAfterEachFullRound() {
    addServers();
    ReferenceClerk clerk = sim.addNode("c", ctx -> new ReferenceClerk(ctx, servers));
    SimFuture<String> get = clerk.get("k");
    sim.runFor(ReferenceClerk.ROUND_PAUSE.multipliedBy(3).plus(Duration.ofMillis(5)));
    assertFalse(get.isDone());
    assertTrue(seen.size() >= 9, "fewer than three rounds of tries: " + seen.size());
    assertTrue(seen.size() <= 12, "more than one round per pause: " + seen.size());
    long pause = ReferenceClerk.ROUND_PAUSE.toNanos();
    for (int i = 1; i < seen.size(); i++) {
      Request prev = seen.get(i - 1);
      Request cur = seen.get(i);
      int expected = (servers.indexOf(prev.server()) + 1) % servers.size();
      assertEquals(servers.get(expected), cur.server(), "try " + i + " skipped a server");
      long gap = cur.nanos() - prev.nanos();
      if (i % servers.size() == 0) {
        assertTrue(gap >= pause, "no pause after a full round, before try " + i + ": " + gap);
      } else {
        assertTrue(gap < pause, "paused in the middle of a round, before try " + i + ": " + gap);
      }
    }
    anyLeader = true;
    assertEquals("v", sim.await(get, Duration.ofSeconds(1)).orElseThrow());
  }
}
