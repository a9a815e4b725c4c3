package simlab.kv;

import java.util.Map;
import java.util.TreeMap;
import simlab.sim.ValueCodec;

/**
 * The replicated state: the key/value map plus the duplicate table that makes writes
 * at-most-once. Both are sorted maps so a snapshot of the same state is the same bytes on
 * every replica.
 *
 * <p>The duplicate table keeps, per client, only its latest write's sequence number and
 * reply: a clerk has one request outstanding at a time, so once it sends seq n+1 it will
 * never again wait for the answer to n.
 */
final class KvStateMachine {
  /** What a snapshot holds: everything applied up to {@code lastIndex}. */
  record Image(int lastIndex, Map<String, String> data, Map<Long, LastWrite> lastWrites) {
  }

  /** The latest write applied for one client, and what it answered. */
  record LastWrite(long seq, Err err) {
  }

  private final TreeMap<String, String> data = new TreeMap<>();
  private final TreeMap<Long, LastWrite> lastWrites = new TreeMap<>();

  KvReply apply(Command c) {
    if (c.op() == Op.GET) {
      String v = data.get(c.key());
      return v == null ? KvReply.of(Err.ERR_NO_KEY) : new KvReply(Err.OK, v);
    }
    LastWrite last = lastWrites.get(c.clientId());
    if (last != null && c.seq() <= last.seq()) {
      // A retry of a write that is already applied (or older): answer without applying again.
      return KvReply.of(c.seq() == last.seq() ? last.err() : Err.OK);
    }
    switch (c.op()) {
      case PUT -> data.put(c.key(), c.value());
      case APPEND -> data.merge(c.key(), c.value(), String::concat);
      case DELETE -> data.remove(c.key());
      default -> throw new IllegalStateException("unexpected op " + c.op());
    }
    lastWrites.put(c.clientId(), new LastWrite(c.seq(), Err.OK));
    return KvReply.of(Err.OK);
  }

  byte[] snapshot(int lastIndex) {
    return ValueCodec.encode(new Image(lastIndex, data, lastWrites));
  }

  /** Replaces the state with a snapshot's; returns the index the snapshot covers. */
  int restore(byte[] snapshot) {
    Image image = ValueCodec.decode(snapshot, Image.class);
    data.clear();
    data.putAll(image.data());
    lastWrites.clear();
    lastWrites.putAll(image.lastWrites());
    return image.lastIndex();
  }
}
