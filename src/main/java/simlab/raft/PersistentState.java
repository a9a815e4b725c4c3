package simlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * What Figure 2 says must survive a crash (currentTerm, votedFor, log) plus the
 * snapshot's last included index and term (§7), and its byte encoding.
 * {@code votedFor} is -1 when this peer has not voted in {@code term}.
 */
public record PersistentState(int term, int votedFor, int snapshotIndex, int snapshotTerm, List<LogEntry> entries) {
  public static final PersistentState INITIAL = new PersistentState(0, -1, 0, 0, List.of());

  public PersistentState {
    entries = List.copyOf(entries);
  }

  public byte[] encode() {
    CompactCodec.Writer w = new CompactCodec.Writer();
    w.varint(term);
    w.signed(votedFor);
    w.varint(snapshotIndex);
    w.varint(snapshotTerm);
    w.varint(entries.size());
    for (LogEntry e : entries) {
      w.varint(e.term());
      w.value(e.command());
    }
    return w.toByteArray();
  }

  /** Decodes {@link #encode()}'s output; an empty array (a fresh persister) gives {@link #INITIAL}. */
  public static PersistentState decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return INITIAL;
    }
    CompactCodec.Reader r = new CompactCodec.Reader(bytes);
    int term = Math.toIntExact(r.varint());
    int votedFor = r.signedInt();
    int snapshotIndex = Math.toIntExact(r.varint());
    int snapshotTerm = Math.toIntExact(r.varint());
    int n = Math.toIntExact(r.varint());
    List<LogEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int t = Math.toIntExact(r.varint());
      entries.add(new LogEntry(t, r.value()));
    }
    return new PersistentState(term, votedFor, snapshotIndex, snapshotTerm, entries);
  }
}
