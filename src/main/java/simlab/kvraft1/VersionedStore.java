package simlab.kvraft1;

import java.util.Map;
import java.util.TreeMap;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.GetArgs;
import simlab.kvsrv1.GetReply;
import simlab.kvsrv1.PutArgs;
import simlab.kvsrv1.PutReply;
import simlab.rsm.StateMachine;
import simlab.sim.ValueCodec;

/**
 * The replicated versioned map (the server's doOp/Snapshot/Restore): kvsrv1's rules, applied in log
 * order on every replica. A Put applies only at the key's current version, so a Put that reaches
 * the log twice (a clerk resent it) applies once and the second copy answers ErrVersion: no
 * duplicate table is needed. Sorted, so equal states give equal snapshot bytes.
 */
final class VersionedStore implements StateMachine {
  /** One key's value and version (6.5840's Tversion: the number of Puts applied to it). */
  record Versioned(String value, long version) {}

  private final TreeMap<String, Versioned> data = new TreeMap<>();

  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  @Override
  public Object doOp(Object req) {
    if (req instanceof GetArgs g) {
      Versioned v = data.get(g.key());
      return v == null
          ? new GetReply("", 0, Err.ErrNoKey)
          : new GetReply(v.value(), v.version(), Err.OK);
    }
    if (req instanceof PutArgs p) {
      Versioned v = data.get(p.key());
      if (v == null) {
        if (p.version() != 0) {
          return new PutReply(Err.ErrNoKey);
        }
        data.put(p.key(), new Versioned(p.value(), 1));
        return new PutReply(Err.OK);
      }
      if (v.version() != p.version()) {
        return new PutReply(Err.ErrVersion);
      }
      data.put(p.key(), new Versioned(p.value(), v.version() + 1));
      return new PutReply(Err.OK);
    }
    return null;
  }

  @Override
  public byte[] snapshot() {
    return codec.toBytes(data);
  }

  @Override
  public void restore(byte[] snapshot) {
    @SuppressWarnings("unchecked")
    Map<String, Versioned> image = (Map<String, Versioned>) codec.fromBytes(snapshot);
    data.clear();
    data.putAll(image);
  }
}
