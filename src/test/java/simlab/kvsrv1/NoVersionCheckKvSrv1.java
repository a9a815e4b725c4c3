package simlab.kvsrv1;

import java.util.HashMap;
import java.util.Map;
import simlab.kvsrv1.lock.Lock;
import simlab.kvsrv1.lock.ReferenceLock;
import simlab.sim.NodeContext;

/**
 * Broken on purpose: the server applies every Put whatever its version (an unconditional write that
 * still counts versions). The reference clerk and lock otherwise.
 */
public final class NoVersionCheckKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    Map<String, GetReply> data = new HashMap<>();
    ctx.handle(GetArgs.class, a -> data.getOrDefault(a.key(), new GetReply("", 0, Err.ErrNoKey)));
    ctx.handle(
        PutArgs.class,
        a -> {
          GetReply old = data.get(a.key());
          long ver = old == null ? 0 : old.version();
          data.put(a.key(), new GetReply(a.value(), ver + 1, Err.OK));
          return new PutReply(Err.OK);
        });
    return data;
  }

  @Override
  public VersionedClerk makeClerk(NodeContext ctx, String server) {
    return new ReferenceKvSrv1Clerk(ctx, server);
  }

  @Override
  public Lock makeLock(VersionedClerk ck, String key, String id) {
    return new ReferenceLock(ck, key, id);
  }
}
