package simlab.raft;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A leader's replication state for one term: per-follower progress, what to send next, how replies
 * move nextIndex/matchIndex (with fast backtracking), and the commit rule. Not final only so the
 * zoo in the test tree can break {@link #advanceCommit} (see {@link RaftCore}'s seams).
 */
class Leader {
  /** Cap on entries per AppendEntries, so a far-behind follower is caught up in pieces. */
  static final int MAX_BATCH = 256;

  /**
   * ReadIndex: a read still unconfirmed this many heartbeat ticks after it arrived is refused (the
   * leader may be cut off from the majority; its client tries elsewhere).
   */
  static final int READ_EXPIRY_TICKS = 5;

  private final RaftCore c;
  private final Progress[] progress;

  // ---- ReadIndex (Raft thesis §6.4): all unused unless RaftOptions.readIndex ----------------

  /** A read waiting for a majority to answer a probe of {@code round} or a later one. */
  private record PendingRead(long token, int index, int round, long sinceTick) {}

  /** An empty AppendEntries sent to confirm leadership for the reads of {@code round}. */
  private record Probe(AppendEntries request, int round) {}

  private final ArrayDeque<PendingRead> reads = new ArrayDeque<>();

  /** Per follower: probes awaiting their answer (created with the first read). */
  private List<List<Probe>> probes;

  /** Per follower: the latest round it answered a probe of. */
  private int[] answeredRound;

  /** The latest round whose probes went out. */
  private int round;

  /** Reads wait for a round that has not started yet. */
  private boolean roundWanted;

  private long ticks;

  Leader(RaftCore core) {
    this.c = core;
    this.progress = new Progress[core.size];
    for (int p = 0; p < core.size; p++) {
      progress[p] = new Progress(core.log.lastIndex() + 1);
    }
  }

  /**
   * Sends to every follower. A heartbeat goes to all; a flush only to those with something new and
   * nothing in flight, which keeps the RPC count near one per agreement per follower (TestCount3B)
   * while still replicating at once.
   */
  void broadcast(boolean heartbeat) {
    for (int p = 0; p < c.size; p++) {
      if (p != c.me && (heartbeat || (!progress[p].inflight && hasNews(progress[p])))) {
        sendTo(p);
      }
    }
  }

  private boolean hasNews(Progress pr) {
    return pr.next <= c.log.lastIndex() || pr.sentCommit < c.commitIndex;
  }

  private void sendTo(int p) {
    Progress pr = progress[p];
    pr.inflight = true;
    if (pr.next <= c.log.snapshotIndex()) {
      c.send(
          p,
          new InstallSnapshot(
              c.term, c.me, c.log.snapshotIndex(), c.log.snapshotTerm(), c.snapshot.clone()));
      return;
    }
    int prev = pr.next - 1;
    pr.sentCommit = Math.max(pr.sentCommit, c.commitIndex);
    c.send(
        p,
        new AppendEntries(
            c.term, c.me, prev, c.log.term(prev), c.log.slice(pr.next, MAX_BATCH), c.commitIndex));
  }

  void onNoReply(int p) {
    progress[p].inflight = false; // the next heartbeat retries
  }

  void onAppendReply(int p, AppendEntries ae, AppendEntriesReply reply) {
    Progress pr = progress[p];
    pr.inflight = false;
    if (reply.success()) {
      int matched = ae.prevLogIndex() + ae.entries().size();
      pr.match = Math.max(pr.match, matched);
      pr.next = Math.max(pr.next, pr.match + 1);
      advanceCommit();
    } else if (ae.prevLogIndex() == pr.next - 1) {
      // Only the reply to the current probe moves nextIndex back; stale ones would undo progress.
      int next = reply.conflictIndex();
      if (reply.conflictTerm() != AppendEntriesReply.NO_TERM) {
        int last = c.log.lastIndexOfTerm(reply.conflictTerm());
        if (last >= 0) {
          next = last + 1;
        }
      }
      pr.next = Math.max(pr.match + 1, Math.min(next, c.log.lastIndex() + 1));
    }
    if (hasNews(pr)) {
      c.replicateSoon();
    }
  }

  void onSnapshotReply(int p, InstallSnapshot is) {
    Progress pr = progress[p];
    pr.inflight = false;
    pr.match = Math.max(pr.match, is.lastIncludedIndex());
    pr.next = Math.max(pr.next, pr.match + 1);
    advanceCommit();
    if (hasNews(pr)) {
      c.replicateSoon();
    }
  }

  /** Figure 2 / §5.4.2: commit the highest current-term index a majority holds. */
  void advanceCommit() {
    for (int n = c.log.lastIndex(); n > c.commitIndex; n--) {
      if (c.log.term(n) != c.term) {
        return; // older-term entries commit only indirectly (Figure 8)
      }
      int count = 1;
      for (int p = 0; p < c.size; p++) {
        if (p != c.me && progress[p].match >= n) {
          count++;
        }
      }
      if (c.isMajority(count)) {
        c.commitIndex = n;
        c.replicateSoon();
        return;
      }
    }
  }

  // ---- ReadIndex ---------------------------------------------------------------------------

  /**
   * A read arrived: its index is the commit index now (the core checked that an entry of this term
   * is committed, so it covers every write completed before the read). It is answered once a
   * majority has answered a probe sent after this point: the next round's.
   */
  void addRead(long token) {
    if (probes == null) {
      probes = new ArrayList<>();
      for (int p = 0; p < c.size; p++) {
        probes.add(new ArrayList<>());
      }
      answeredRound = new int[c.size];
    }
    reads.addLast(new PendingRead(token, c.commitIndex, round + 1, ticks));
    roundWanted = true;
  }

  /**
   * The deferred replication pass: if reads wait for a round, start it with one empty AppendEntries
   * to each follower, at an index it is known to hold (so it normally succeeds; any answer of this
   * term counts, success or not: the follower still recognised this leader's term).
   */
  void startReadRound() {
    if (!roundWanted) {
      return;
    }
    roundWanted = false;
    round++;
    for (int p = 0; p < c.size; p++) {
      if (p != c.me) {
        int prev = Math.max(progress[p].match, c.log.snapshotIndex());
        AppendEntries probe =
            new AppendEntries(
                c.term, c.me, prev, c.log.term(prev), ImmutableList.of(), c.commitIndex);
        probes.get(p).add(new Probe(probe, round));
        c.send(p, probe);
      }
    }
  }

  /**
   * Whether {@code ae} is one of this leader's probes to {@code p}; if so its answer (or its loss)
   * is counted here and nowhere else, so probes never touch replication's flow control.
   */
  boolean onProbeResponse(int p, AppendEntries ae, boolean answered) {
    if (probes == null) {
      return false;
    }
    List<Probe> sent = probes.get(p);
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).request() == ae) {
        Probe probe = sent.remove(i);
        if (answered) {
          answeredRound[p] = Math.max(answeredRound[p], probe.round());
          confirmReads();
        }
        return true;
      }
    }
    return false;
  }

  private void confirmReads() {
    while (!reads.isEmpty()) {
      PendingRead r = reads.peekFirst();
      if (r.round() > round) {
        return;
      }
      int count = 1;
      for (int p = 0; p < c.size; p++) {
        if (p != c.me && answeredRound[p] >= r.round()) {
          count++;
        }
      }
      if (!c.isMajority(count)) {
        return; // later reads need later rounds: none of them is confirmed either
      }
      reads.pollFirst();
      c.readAnswered(r.token(), r.index());
    }
  }

  /** A heartbeat tick: refuse reads that have waited {@link #READ_EXPIRY_TICKS} ticks. */
  void tickReads() {
    ticks++;
    while (!reads.isEmpty() && ticks - reads.peekFirst().sinceTick() >= READ_EXPIRY_TICKS) {
      c.readAnswered(reads.pollFirst().token(), -1);
    }
  }

  /** This leader steps down: every waiting read is refused. */
  void refuseReads() {
    while (!reads.isEmpty()) {
      c.readAnswered(reads.pollFirst().token(), -1);
    }
  }

  int matchIndex(int p) {
    return p == c.me ? c.log.lastIndex() : progress[p].match;
  }
}
