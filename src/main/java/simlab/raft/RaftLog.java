package simlab.raft;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The log with absolute indexing. Entries 1..snapshotIndex live in the service's snapshot; only the
 * term of the last compacted entry is kept, because the consistency check of the entry right after
 * the snapshot needs it. Index 0 with term 0 is the empty-log sentinel, so a fresh log behaves like
 * a snapshot at 0.
 */
public final class RaftLog {
  private final List<LogEntry> entries = new ArrayList<>();
  private int snapshotIndex;
  private int snapshotTerm;

  /**
   * Lowest index whose entry was added or removed since {@link #markStable()} (for incremental
   * saves).
   */
  private int changedFrom = 1;

  public RaftLog() {}

  public RaftLog(int snapshotIndex, int snapshotTerm, List<LogEntry> suffix) {
    this.snapshotIndex = snapshotIndex;
    this.snapshotTerm = snapshotTerm;
    this.changedFrom = snapshotIndex + 1;
    entries.addAll(suffix);
  }

  /**
   * The lowest index added or removed since the last {@link #markStable()} ({@code
   * Integer.MAX_VALUE} when none was). A fresh log reports everything after its snapshot, so the
   * first save of a new incarnation writes the whole log.
   */
  int changedFrom() {
    return changedFrom;
  }

  /** Everything up to now is durable: later changes are reported from here on. */
  void markStable() {
    changedFrom = Integer.MAX_VALUE;
  }

  public int snapshotIndex() {
    return snapshotIndex;
  }

  public int snapshotTerm() {
    return snapshotTerm;
  }

  public int lastIndex() {
    return snapshotIndex + entries.size();
  }

  public int lastTerm() {
    return entries.isEmpty() ? snapshotTerm : entries.get(entries.size() - 1).term();
  }

  /** Whether {@link #term} can answer for {@code index}. */
  public boolean hasTerm(int index) {
    return index >= snapshotIndex && index <= lastIndex();
  }

  public int term(int index) {
    if (index == snapshotIndex) {
      return snapshotTerm;
    }
    return entry(index).term();
  }

  public LogEntry entry(int index) {
    if (index <= snapshotIndex || index > lastIndex()) {
      throw new IndexOutOfBoundsException(
          "index " + index + " outside (" + snapshotIndex + ", " + lastIndex() + "]");
    }
    return entries.get(index - snapshotIndex - 1);
  }

  public int append(LogEntry e) {
    entries.add(e);
    changedFrom = Math.min(changedFrom, lastIndex());
    return lastIndex();
  }

  /** Drops {@code index} and everything after it (a conflicting suffix). */
  public void truncateFrom(int index) {
    if (index <= snapshotIndex) {
      throw new IllegalArgumentException(
          "cannot truncate compacted index " + index + " (snapshot " + snapshotIndex + ")");
    }
    changedFrom = Math.min(changedFrom, index);
    if (index <= lastIndex()) {
      entries.subList(index - snapshotIndex - 1, entries.size()).clear();
    }
  }

  /** Entries from {@code from} to the end, at most {@code max} of them. */
  public ImmutableList<LogEntry> slice(int from, int max) {
    int lo = Math.max(from, snapshotIndex + 1) - snapshotIndex - 1;
    int hi = Math.min(entries.size(), lo + max);
    return lo >= hi ? ImmutableList.of() : ImmutableList.copyOf(entries.subList(lo, hi));
  }

  /** All entries after the snapshot, for persistence. */
  public List<LogEntry> suffix() {
    return List.copyOf(entries);
  }

  /**
   * Compacts through {@code index}, which must be in the log: the entries after it stay. Used when
   * the service snapshots, and by a follower whose log already holds the entry an InstallSnapshot
   * ends with.
   */
  public void compactTo(int index) {
    if (index <= snapshotIndex) {
      return;
    }
    int term = term(index);
    entries.subList(0, index - snapshotIndex).clear();
    snapshotIndex = index;
    snapshotTerm = term;
  }

  /** Replaces the whole log by a snapshot whose last entry is ({@code index}, {@code term}). */
  public void resetTo(int index, int term) {
    changedFrom = Math.min(changedFrom, index + 1);
    entries.clear();
    snapshotIndex = index;
    snapshotTerm = term;
  }

  /** First index after the snapshot whose term equals that of {@code index}, scanning backwards. */
  public int firstIndexOfTermAt(int index) {
    int t = term(index);
    int i = index;
    while (i - 1 > snapshotIndex && term(i - 1) == t) {
      i--;
    }
    return i;
  }

  /** Last index holding {@code term}, or -1 if the (uncompacted) log has none. */
  public int lastIndexOfTerm(int term) {
    for (int i = lastIndex(); i >= snapshotIndex; i--) {
      int t = term(i);
      if (t == term) {
        return i;
      }
      if (t < term) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * §5.4.1: is a log ending in ({@code lastIndex}, {@code lastTerm}) at least as up to date as this
   * one?
   */
  public boolean isUpToDate(int lastIndex, int lastTerm) {
    return lastTerm > lastTerm() || (lastTerm == lastTerm() && lastIndex >= lastIndex());
  }
}
