package simlab.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import simlab.raft.ReferenceRaftFactory;
import simlab.sim.NodeContext;
import simlab.sim.Simulation;

/**
 * What {@link ReferenceKvServer#kill} stops. Added for mutants PIT found surviving: a crash drops
 * the node's later events and replies, so the suites cannot see whether kill shuts the RSM and its
 * Raft down, or whether a killed server still answers. A killed server's Raft peer stays reachable
 * through {@code raft()} and must say it no longer leads, and a killed server answers nothing, as a
 * killed Raft peer does (as if the request were lost).
 */
class KvServerKillChecksTest {
  private final Simulation sim = new Simulation(1);

  private ReferenceKvServer server() {
    ReferenceKvServer s =
        sim.addNode(
            "s0",
            ctx -> new ReferenceKvServer(ctx, List.of("s0"), 0, new ReferenceRaftFactory(), -1));
    assertTrue(
        sim.runUntil(() -> s.raft().getState().isLeader(), Duration.ofSeconds(5)),
        "a one-peer cluster elects itself");
    return s;
  }

  @Test
  void killStopsTheRaftPeerUnderneath() {
    ReferenceKvServer s = server();
    sim.crash("s0");
    assertFalse(s.raft().getState().isLeader(), "a killed server's Raft still claims to lead");
  }

  @Test
  void aKilledServerAnswersNothing() {
    ReferenceKvServer s = server();
    NodeContext client = sim.addNode("c", ctx -> ctx);
    s.kill(); // the node stays up: only the server shuts down
    List<Optional<KvReply>> replies = new ArrayList<>();
    client.call("s0", new KvRequest(new Command(Op.PUT, "k", "v", 1, 1)), replies::add);
    sim.runFor(Duration.ofMillis(100));
    assertEquals(List.of(Optional.empty()), replies, "a killed server answered");
  }
}
