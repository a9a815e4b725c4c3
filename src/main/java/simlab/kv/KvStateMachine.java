package simlab.kv;

import java.util.Map;
import java.util.TreeMap;
import simlab.rsm.StateMachine;
import simlab.sim.ValueCodec;

/**
 * The replicated key/value map. A sorted map, so a snapshot of the same state is the same bytes on
 * every replica. Retried writes never reach it twice: the {@link simlab.rsm.Rsm} it runs under
 * keeps the duplicate table ({@link Command} is a {@link simlab.rsm.ClientOp}).
 */
final class KvStateMachine implements StateMachine {
  private final TreeMap<String, String> data = new TreeMap<>();

  /** One codec per incarnation: it caches reflection data across snapshots. */
  private final ValueCodec codec = new ValueCodec();

  @Override
  public Object doOp(Object command) {
    if (!(command instanceof Command c)) {
      return null;
    }
    switch (c.op()) {
      case GET -> {
        String v = data.get(c.key());
        return v == null ? KvReply.of(Err.ERR_NO_KEY) : new KvReply(Err.OK, v);
      }
      case PUT -> data.put(c.key(), c.value());
      case APPEND -> data.merge(c.key(), c.value(), String::concat);
      case DELETE -> data.remove(c.key());
      default -> throw new IllegalStateException("unexpected op " + c.op());
    }
    return KvReply.of(Err.OK);
  }

  @Override
  public byte[] snapshot() {
    return codec.toBytes(data);
  }

  @Override
  public void restore(byte[] snapshot) {
    @SuppressWarnings("unchecked")
    Map<String, String> image = (Map<String, String>) codec.fromBytes(snapshot);
    data.clear();
    data.putAll(image);
  }
}
