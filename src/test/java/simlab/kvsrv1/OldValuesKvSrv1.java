package simlab.kvsrv1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import simlab.kvsrv1.lock.Lock;
import simlab.kvsrv1.lock.ReferenceLock;
import simlab.sim.NodeContext;

/**
 * Broken on purpose: correct answers, but the server keeps every value a key ever had (a version
 * history nobody reads), so its memory grows with every Put. The reference clerk and lock
 * otherwise.
 */
public final class OldValuesKvSrv1 implements KvSrv1Service {
  @Override
  public Object makeServer(NodeContext ctx) {
    Map<String, List<String>> values = new HashMap<>();
    ctx.handle(
        GetArgs.class,
        a -> {
          List<String> v = values.get(a.key());
          return v == null
              ? new GetReply("", 0, Err.ErrNoKey)
              : new GetReply(v.get(v.size() - 1), v.size(), Err.OK);
        });
    ctx.handle(
        PutArgs.class,
        a -> {
          List<String> v = values.get(a.key());
          long ver = v == null ? 0 : v.size();
          if (v == null && a.version() != 0) {
            return new PutReply(Err.ErrNoKey);
          }
          if (a.version() != ver) {
            return new PutReply(Err.ErrVersion);
          }
          values.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.value());
          return new PutReply(Err.OK);
        });
    return values;
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
