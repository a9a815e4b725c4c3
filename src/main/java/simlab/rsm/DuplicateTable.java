package simlab.rsm;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * At-most-once execution of client writes: for each client, the sequence number of its latest
 * applied write and that write's result. A client has one request outstanding at a time, so once it
 * sends seq n+1 it never again waits for the answer to n, and one entry per client is enough.
 *
 * <p>A {@link Rsm} built with {@link Rsm.Dedup#BY_CLIENT} owns one table for the whole state
 * machine and keeps it in its snapshots. A state machine that must move dedup state with its data
 * (shardkv: one table per shard, travelling with the shard) owns tables of its own and moves them
 * with {@link #export()} and {@link #addAll}.
 *
 * <p>Sorted by client id, so the same table gives the same snapshot bytes on every replica.
 */
public final class DuplicateTable {
  /** A client's latest applied write and what it answered. */
  public record Last(long seq, Object result) {}

  private final TreeMap<Long, Last> byClient = new TreeMap<>();

  /**
   * The stored answer if (clientId, seq) is already applied (or older than the client's latest
   * write), else null: the request is new and must be executed. For an older seq the stored answer
   * is the latest write's; nobody reads it, as its client moved on.
   */
  public Last duplicateOf(long clientId, long seq) {
    Last last = byClient.get(clientId);
    return last != null && seq <= last.seq() ? last : null;
  }

  /** Records that (clientId, seq) was applied and answered {@code result}. */
  public void record(long clientId, long seq, Object result) {
    byClient.put(clientId, new Last(seq, result));
  }

  /** An immutable copy in client-id order, for snapshots and shard migration. */
  public ImmutableMap<Long, Last> export() {
    return ImmutableMap.copyOf(byClient);
  }

  /** Replaces the whole table (restoring a snapshot). */
  public void replaceWith(Map<Long, Last> entries) {
    byClient.clear();
    byClient.putAll(entries);
  }

  /** Merges another table in (a migrated shard's), keeping per client the later write. */
  public void addAll(Map<Long, Last> entries) {
    entries.forEach(
        (client, last) -> byClient.merge(client, last, (a, b) -> a.seq() >= b.seq() ? a : b));
  }

  public int size() {
    return byClient.size();
  }
}
