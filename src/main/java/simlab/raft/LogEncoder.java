package simlab.raft;

import java.util.ArrayList;
import java.util.List;
import simlab.sim.ValueCodec;

/**
 * Produces {@link PersistentState#encode()}'s bytes for a live core without re-encoding
 * unchanged entries: it remembers the encoding of each entry after the snapshot, keyed by
 * absolute index and checked by entry identity (log entries are immutable and replaced,
 * never mutated, on truncation), so a save costs a copy of the log's bytes.
 */
final class LogEncoder {
  private final ValueCodec codec = new ValueCodec();
  private final List<LogEntry> cachedEntries = new ArrayList<>();
  private final List<byte[]> cachedBytes = new ArrayList<>();
  private int cacheFrom = 1;

  byte[] encode(RaftCore core) {
    RaftLog log = core.log;
    int first = log.snapshotIndex() + 1;
    if (first > cacheFrom) {
      int drop = Math.min(first - cacheFrom, cachedEntries.size());
      cachedEntries.subList(0, drop).clear();
      cachedBytes.subList(0, drop).clear();
    } else if (first < cacheFrom) {
      cachedEntries.clear();
      cachedBytes.clear();
    }
    cacheFrom = first;
    for (int i = first; i <= log.lastIndex(); i++) {
      int k = i - first;
      LogEntry e = log.entry(i);
      if (k < cachedEntries.size() && cachedEntries.get(k) == e) {
        continue;
      }
      if (k < cachedEntries.size()) {
        cachedEntries.subList(k, cachedEntries.size()).clear();
        cachedBytes.subList(k, cachedBytes.size()).clear();
      }
      cachedEntries.add(e);
      cachedBytes.add(PersistentState.encodeEntry(codec, e));
    }
    int keep = log.lastIndex() - first + 1;
    if (cachedEntries.size() > keep) {
      cachedEntries.subList(keep, cachedEntries.size()).clear();
      cachedBytes.subList(keep, cachedBytes.size()).clear();
    }
    return PersistentState.assemble(core.term, core.votedFor, log.snapshotIndex(), log.snapshotTerm(), cachedBytes);
  }
}
