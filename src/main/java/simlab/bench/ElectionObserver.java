package simlab.bench;

import java.util.Arrays;

/**
 * What the election benchmark knows of a cluster: per server, the last AppendEntries it sent (term,
 * time) and the highest term (and sender) of an AppendEntries it received. "Server s has heard from
 * the leader of term t" means s received an AppendEntries of term t.
 */
final class ElectionObserver {
  private final int[] sentTerm;
  private final long[] sentAt;
  private final int[] heardTerm;
  private final int[] heardFrom;
  private final long[] heardAt;

  ElectionObserver(int n) {
    sentTerm = new int[n];
    sentAt = new long[n];
    heardTerm = new int[n];
    heardFrom = new int[n];
    heardAt = new long[n];
    Arrays.fill(sentAt, -1);
    Arrays.fill(heardFrom, -1);
  }

  void sent(int from, int term, long at) {
    sentTerm[from] = term;
    sentAt[from] = at;
  }

  void received(int at, int leader, int term, long when) {
    if (term > heardTerm[at]) {
      heardTerm[at] = term;
      heardFrom[at] = leader;
      heardAt[at] = when;
    }
  }

  /** When {@code server} last sent an AppendEntries, or -1. */
  long lastSendAt(int server) {
    return sentAt[server];
  }

  /**
   * If every server in {@code others} has received an AppendEntries of one term above {@code
   * oldTerm} from the same leader, the time the last of them did; else -1.
   */
  long allHeardNewLeader(int[] others, int oldTerm) {
    int term = -1;
    int leader = -1;
    long last = -1;
    for (int s : others) {
      if (heardTerm[s] <= oldTerm) {
        return -1;
      }
      if (term == -1) {
        term = heardTerm[s];
        leader = heardFrom[s];
      } else if (heardTerm[s] != term || heardFrom[s] != leader) {
        return -1;
      }
      last = Math.max(last, heardAt[s]);
    }
    return last;
  }

  /**
   * The leader of the term every one of {@code others} heard, once {@link #allHeardNewLeader}
   * holds.
   */
  int leaderHeardBy(int s) {
    return heardFrom[s];
  }
}
