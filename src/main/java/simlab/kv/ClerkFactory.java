package simlab.kv;

import java.util.List;
import simlab.sim.NodeContext;

/** Builds a clerk node that talks to the listed servers (6.5840's {@code MakeClerk}). */
@FunctionalInterface
public interface ClerkFactory {
  Clerk makeClerk(NodeContext ctx, List<String> servers);
}
