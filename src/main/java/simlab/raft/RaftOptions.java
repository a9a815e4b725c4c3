package simlab.raft;

/**
 * Protocol options of the reference Raft beyond its timing ({@link RaftTiming}). {@link #DEFAULT}
 * is what every simulated suite runs, and with it the peer behaves exactly as it always did (no
 * message, timer or random draw differs, so trace hashes stay the same). The real-network runtime
 * turns options on ({@link #REAL_NETWORK}).
 *
 * @param readIndex answer {@link ReadIndexRaft#readIndex} requests (Raft thesis §6.4): a leader
 *     that has committed an entry of its term takes its commit index as the read's index and
 *     confirms it still leads with one round of empty AppendEntries answered by a majority; no log
 *     entry, no disk write. Off: every request is refused at once, and the service reads through
 *     the log.
 */
public record RaftOptions(boolean readIndex) {
  /** What the graded suites run: no ReadIndex. */
  public static final RaftOptions DEFAULT = new RaftOptions(false);

  /** The real-network runtime's options: ReadIndex on. */
  public static final RaftOptions REAL_NETWORK = new RaftOptions(true);
}
