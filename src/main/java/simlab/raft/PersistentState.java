package simlab.raft;

import java.util.List;
import simlab.sim.ValueCodec;

/**
 * What Figure 2 says must survive a crash (currentTerm, votedFor, log) plus the
 * snapshot's last included index and term (§7), and its byte encoding (ValueCodec:
 * varints, class names once per encoding, so the 3D 2000-byte limit is easy to keep).
 * {@code votedFor} is -1 when this peer has not voted in {@code term}.
 */
public record PersistentState(int term, int votedFor, int snapshotIndex, int snapshotTerm, List<LogEntry> entries) {
  public static final PersistentState INITIAL = new PersistentState(0, -1, 0, 0, List.of());

  public PersistentState {
    entries = List.copyOf(entries);
  }

  public byte[] encode() {
    return ValueCodec.encode(this);
  }

  /** Decodes {@link #encode()}'s output; an empty array (a fresh persister) gives {@link #INITIAL}. */
  public static PersistentState decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return INITIAL;
    }
    return ValueCodec.decode(bytes, PersistentState.class);
  }
}
