package simlab.shardctrler;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * What a lab 5A implementation provides; the suites load it with {@code
 * Implementations.load(ShardCtrlerFactory.class, "sim.shardctrler", reference)} ({@code
 * -Dsim.shardctrler=com.example.MyFactory}, public no-arg constructor).
 */
public interface ShardCtrlerFactory {

  /**
   * Builds one controller replica (6.5840 {@code StartServer}). {@code servers} lists all replicas'
   * addresses, this one at {@code me}; the replica builds its Raft peer with {@code raft.make(ctx,
   * servers, me, applyCh)}. The returned object should implement {@link simlab.sim.Killable} to
   * hear about its crash.
   */
  Object makeServer(NodeContext ctx, List<String> servers, int me, RaftFactory raft);

  /** Builds a clerk that runs in {@code ctx} (its own client node, or inside a shardkv server). */
  ShardCtrlerClerk makeClerk(NodeContext ctx, List<String> servers);
}
