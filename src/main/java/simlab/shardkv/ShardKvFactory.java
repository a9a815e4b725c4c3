package simlab.shardkv;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.sim.NodeContext;

/**
 * What a lab 5B implementation provides; the suites load it with {@code
 * Implementations.load(ShardKvFactory.class, "sim.shardkv", reference)} ({@code
 * -Dsim.shardkv=com.example.MyFactory}, public no-arg constructor).
 */
public interface ShardKvFactory {

  /**
   * Builds one server of replica group {@code gid} (6.5840 {@code StartServer}). {@code servers}
   * are the group's addresses (this one at {@code me}); {@code ctrlers} the controller's, reached
   * through {@code ctrler.makeClerk(ctx, ctrlers)}. Snapshot when the persisted Raft state reaches
   * {@code maxRaftState} bytes (-1: never). The object should implement {@link
   * simlab.sim.Killable}.
   */
  Object makeServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      int gid,
      List<String> ctrlers,
      int maxRaftState,
      RaftFactory raft,
      ShardCtrlerFactory ctrler);

  /**
   * Builds a client that runs in {@code ctx} and finds groups through the controller at {@code
   * ctrlers}.
   */
  ShardKvClerk makeClerk(NodeContext ctx, List<String> ctrlers, ShardCtrlerFactory ctrler);

  /** Which shard a key belongs to (6.5840 {@code key2shard}): the first character mod NShards. */
  static int key2shard(String key) {
    int c = key.isEmpty() ? 0 : key.charAt(0);
    return c % simlab.shardctrler.Config.NSHARDS;
  }
}
