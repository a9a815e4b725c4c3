package simlab.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("core")
class CrashAndPersisterTest {

  @Test
  void persisterCopiesOnEveryReadAndWrite() {
    Persister p = new Persister();
    byte[] state = {1, 2};
    p.save(state, new byte[] {9});
    state[0] = 7;
    assertEquals(1, p.readRaftState()[0], "save must copy");
    p.readRaftState()[1] = 5;
    assertEquals(2, p.readRaftState()[1], "read must copy");
    assertEquals(2, p.raftStateSize());
    assertEquals(1, p.snapshotSize());
    Persister c = p.copy();
    p.save(new byte[] {3}, null);
    assertEquals(2, c.raftStateSize(), "a copy must not follow later saves");
    assertEquals(0, p.snapshotSize(), "a null snapshot is stored as empty");
  }

  @Test
  void crashDropsTimersAndRestartReadsACopyOfThePersister() {
    Simulation sim = new Simulation(11);
    int[] fired = {0};
    NodeContext[] first = new NodeContext[1];
    sim.addNode(
        "n",
        ctx -> {
          if (first[0] == null) {
            first[0] = ctx;
          }
          ctx.schedule(Duration.ofMillis(100), () -> fired[0]++);
          return ctx;
        });
    first[0].persister().save(new byte[] {42}, null);
    sim.crash("n");
    sim.runFor(Duration.ofMillis(200));
    assertEquals(0, fired[0], "a crashed node's timer fired");

    // The zombie incarnation writes to its old persister object after the crash.
    first[0].persister().save(new byte[] {66}, null);
    NodeContext second = sim.restart("n");
    assertNotSame(first[0], second);
    assertEquals(
        42,
        second.persister().readRaftState()[0],
        "the zombie's write leaked into the new incarnation");
    assertFalse(first[0].alive());
    assertTrue(second.alive());
    sim.runFor(Duration.ofMillis(200));
    assertEquals(1, fired[0], "the new incarnation's timer should fire");
  }

  @Test
  void repliesInFlightToACrashedCallerAreLost() {
    Simulation sim = new Simulation(12);
    sim.addNode("server", ctx -> new PingNode(ctx, false));
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    client.send("server");
    sim.crash("client");
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(1, ((PingNode) sim.node("server")).handled, "the request itself was delivered");
    assertTrue(client.replies.isEmpty(), "a dead caller's callback ran");
  }

  @Test
  void crashedServerDoesNotHandleRequestsInFlight() {
    Simulation sim = new Simulation(13);
    PingNode server = sim.addNode("server", ctx -> new PingNode(ctx, false));
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    client.send("server");
    sim.crash("server");
    sim.runFor(Duration.ofSeconds(1));
    assertEquals(0, server.handled);
    assertEquals(1, client.replies.size());
    assertTrue(client.replies.get(0).isEmpty(), "caller must get 'no reply'");
  }

  @Test
  void asyncHandlerOnAServerThatDiesGivesNoReplyWithinAPoll() {
    Simulation sim = new Simulation(14);
    sim.addNode(
        "server",
        ctx -> {
          ctx.handleAsync(
              PingNode.Ping.class,
              (req, responder) -> {
                /* never answers */
              });
          return ctx;
        });
    PingNode client = sim.addNode("client", ctx -> new PingNode(ctx, false));
    client.send("server");
    sim.runFor(Duration.ofMillis(250));
    assertTrue(client.replies.isEmpty(), "no answer yet while the server lives");
    sim.crash("server");
    sim.runFor(Duration.ofMillis(150));
    assertEquals(1, client.replies.size());
    assertTrue(client.replies.get(0).isEmpty());
  }
}
