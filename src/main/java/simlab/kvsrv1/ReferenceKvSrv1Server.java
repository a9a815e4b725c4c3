package simlab.kvsrv1;

import java.util.HashMap;
import java.util.Map;
import simlab.sim.NodeContext;

/**
 * The versioned server: one (value, version) per key and nothing per client. Put is conditional on
 * the version, which makes a resent Put harmless (it finds the version moved on), so unlike the
 * 2024 server this one keeps no duplicate table and its memory does not grow with clerks.
 */
public final class ReferenceKvSrv1Server {
  private record Versioned(String value, long version) {}

  // String keys hash deterministically, and nothing iterates this map.
  private final Map<String, Versioned> data = new HashMap<>();

  public ReferenceKvSrv1Server(NodeContext ctx) {
    ctx.handle(GetArgs.class, this::get);
    ctx.handle(PutArgs.class, this::put);
  }

  private GetReply get(GetArgs a) {
    Versioned v = data.get(a.key());
    return v == null
        ? new GetReply("", 0, Err.ErrNoKey)
        : new GetReply(v.value(), v.version(), Err.OK);
  }

  private PutReply put(PutArgs a) {
    Versioned v = data.get(a.key());
    if (v == null) {
      if (a.version() != 0) {
        return new PutReply(Err.ErrNoKey);
      }
      data.put(a.key(), new Versioned(a.value(), 1));
      return new PutReply(Err.OK);
    }
    if (v.version() != a.version()) {
      return new PutReply(Err.ErrVersion);
    }
    data.put(a.key(), new Versioned(a.value(), v.version() + 1));
    return new PutReply(Err.OK);
  }
}
