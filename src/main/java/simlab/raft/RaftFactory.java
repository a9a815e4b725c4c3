package simlab.raft;

import java.util.List;
import java.util.function.Consumer;
import simlab.sim.NodeContext;

/**
 * Builds one Raft peer (6.5840's {@code Make}). {@code peers} lists every peer's address, this one
 * included at position {@code me}; the persister is {@code ctx.persister()}. {@code applyCh}
 * receives committed commands and snapshots in order.
 *
 * <p>The graded suites load the implementation under test through this interface: {@code
 * -Dsim.raft=com.example.MyRaftFactory} (a public class with a no-arg constructor).
 */
@FunctionalInterface
public interface RaftFactory {
  Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh);
}
