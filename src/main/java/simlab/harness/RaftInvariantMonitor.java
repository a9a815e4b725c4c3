package simlab.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;

/**
 * Checks Raft's safety properties (Figure 3 of the extended paper) after every event of a run, so a
 * violation fails the test at the instant it happens rather than when a later agreement check trips
 * over its consequences.
 *
 * <ul>
 *   <li><b>Election Safety</b>: at most one leader per term over the whole run (every peer, through
 *       {@link Raft#getState()}).
 *   <li><b>Log Matching</b>: two logs holding an entry with the same index and term hold the same
 *       command there and the same term just before it — which by induction makes the logs
 *       identical up to that index. Kept cheap by remembering, per (index, term), the first command
 *       and preceding term seen anywhere, and by scanning each log only from its tail down to the
 *       first entry already checked; a full scan runs every {@link #FULL_CHECK_EVERY} events and at
 *       the end of a test. Needs {@link RaftIntrospection}.
 *   <li><b>Leader Completeness</b>: a leader holds every committed entry (committed = applied by
 *       some server) whose commit it must know of: an entry is committed by a leader of a term no
 *       higher than the highest term seen when it was first applied, so every leader of a strictly
 *       higher term must hold it (snapshotted indices count as held). Needs {@link
 *       RaftIntrospection}.
 *   <li><b>State Machine Safety</b>: no two servers apply different commands at one index.
 *   <li><b>Apply order</b>: each incarnation applies indices rising by exactly one, starting after
 *       the snapshot it was started from; a snapshot message moves the point forward.
 *   <li><b>Monotonic Applied Index</b>: a snapshot message never moves a live server's applied
 *       index back.
 *   <li><b>Monotonic Commit Index</b> and <b>Monotonic Snapshot Index</b>: on a live server (one
 *       incarnation) neither ever decreases. Needs {@link RaftIntrospection}.
 *   <li><b>Acknowledged Entry Durability</b>: a server never loses a log entry it has acknowledged,
 *       across crashes and restarts. A server's entries up to its commit index were acknowledged to
 *       a leader (Figure 2: a follower advances its commit index only on an AppendEntries it
 *       answers with success) or are a leader's own committed entries, so the entry at the highest
 *       commit index each server ever reported must stay in its log with the same term, or inside
 *       its snapshot. Needs {@link RaftIntrospection}.
 *   <li><b>Acknowledged Entries Kept</b>: the same, exactly, for implementations that say what they
 *       acknowledged ({@link RaftIntrospection#acknowledgedIndex()}): see {@link
 *       AcknowledgedEntries}.
 *   <li><b>Leader Commit Rule</b>: a leader moves its commit index only onto an entry of its own
 *       term (Figure 2, §5.4.2): see {@link LeaderCommitRule}.
 *   <li><b>Vote Uniqueness</b>: a server grants at most one vote per term, across crashes and
 *       restarts (votedFor must be persisted). Needs {@link RaftIntrospection#votedFor()};
 *       implementations that do not expose it are not checked.
 * </ul>
 *
 * <p>A violation throws {@link Simulation#failure}, which names the virtual time and seed.
 */
public final class RaftInvariantMonitor implements Runnable {
  /** Events between two full Log Matching / Leader Completeness scans. */
  public static final int FULL_CHECK_EVERY = 512;

  private static final int UNKNOWN = Integer.MIN_VALUE;

  private final Simulation sim;
  private final List<String> names;
  private final IntFunction<Raft> peers;
  private final int n;

  private final Map<Integer, Integer> leaderOfTerm = new HashMap<>();
  private int maxTermSeen;

  /** Per server, the last term in which it was seen leading and checked against leaderOfTerm. */
  private final int[] checkedLeaderTerm;

  /**
   * Index -> what the first log holding an entry at that index had there, one record per term in a
   * short chain (usually one). Indexed by position rather than keyed by a boxed (index, term): the
   * lookup runs for every new log entry of every server.
   */
  private final List<EntryRecord> entriesAt = new ArrayList<>();

  private final Raft[] instance;
  private final int[][] shadowTerms;
  private final int[] shadowLen;

  /** Index -> the first command applied there; entry 0 unused. */
  private final List<Committed> committed = new ArrayList<>();

  private final int[] lcTerm;
  private final int[] lcUpTo;
  private final int[] lastApplied;

  /** Per server, the live incarnation's highest commit and snapshot index seen. */
  private final int[] seenCommit;

  private final int[] seenSnapshot;

  /** Per server, across incarnations: the highest commit index reported and its entry's term. */
  private final int[] ackIndex;

  private final int[] ackTerm;

  /** Per server, across incarnations: term -> the peer it voted for in that term. */
  private final List<Map<Integer, Integer>> votes = new ArrayList<>();

  /**
   * Per server, the (term, vote) last checked against {@link #votes}: an unchanged pair needs no
   * second look, so the map is touched only when a server's vote changes.
   */
  private final int[] checkedVoteTerm;

  private final int[] checkedVote;

  private final AcknowledgedEntries acknowledgedEntries;
  private final LeaderCommitRule leaderCommitRule;

  private long runs;

  private static final class EntryRecord {
    final int term;
    final Object command;
    int prevTerm;
    final int server;

    /** The record of another term at the same index, or null. */
    final EntryRecord next;

    EntryRecord(int term, Object command, int prevTerm, int server, EntryRecord next) {
      this.term = term;
      this.command = command;
      this.prevTerm = prevTerm;
      this.server = server;
      this.next = next;
    }
  }

  private record Committed(Object command, int server, int commitTermBound) {}

  /**
   * @param names the servers' node ids, for messages
   * @param peers the live Raft of server i, or null while it is down
   */
  public RaftInvariantMonitor(Simulation sim, List<String> names, IntFunction<Raft> peers) {
    this.sim = sim;
    this.names = List.copyOf(names);
    this.peers = peers;
    this.n = names.size();
    this.instance = new Raft[n];
    this.shadowTerms = new int[n][16];
    this.shadowLen = new int[n];
    this.lcTerm = new int[n];
    this.lcUpTo = new int[n];
    this.lastApplied = new int[n];
    this.seenCommit = new int[n];
    this.seenSnapshot = new int[n];
    this.ackIndex = new int[n];
    this.ackTerm = new int[n];
    this.checkedLeaderTerm = new int[n];
    Arrays.fill(checkedLeaderTerm, UNKNOWN);
    this.checkedVoteTerm = new int[n];
    this.checkedVote = new int[n];
    Arrays.fill(checkedVoteTerm, UNKNOWN);
    for (int i = 0; i < n; i++) {
      votes.add(new HashMap<>());
    }
    Arrays.fill(lcTerm, UNKNOWN);
    committed.add(null);
    this.acknowledgedEntries = new AcknowledgedEntries(sim, names);
    this.leaderCommitRule = new LeaderCommitRule(sim, names);
  }

  /** A new incarnation of server {@code s} starts, its state machine at {@code snapshotIndex}. */
  public void serverStarted(int s, int snapshotIndex) {
    lastApplied[s] = snapshotIndex;
    forget(s);
  }

  /** Called with every message a live server's service receives, before the service acts on it. */
  public void observeApply(int s, ApplyMsg msg) {
    if (msg instanceof ApplyMsg.Snapshot snap) {
      if (snap.index() < lastApplied[s]) {
        throw violation(
            "Monotonic Applied Index",
            names.get(s)
                + " was given a snapshot at index "
                + snap.index()
                + " after it had applied index "
                + lastApplied[s]
                + " (its state machine would go back in time)");
      }
      lastApplied[s] = snap.index();
      return;
    }
    ApplyMsg.Command c = (ApplyMsg.Command) msg;
    int index = c.index();
    if (index != lastApplied[s] + 1) {
      throw violation(
          "Apply order",
          names.get(s)
              + " applied index "
              + index
              + " right after index "
              + lastApplied[s]
              + " (applied indices must rise by exactly one)");
    }
    lastApplied[s] = index;
    while (committed.size() <= index) {
      committed.add(null);
    }
    Committed first = committed.get(index);
    if (first == null) {
      committed.set(index, new Committed(c.command(), s, currentMaxTerm()));
    } else if (!Objects.equals(first.command(), c.command())) {
      throw violation(
          "State Machine Safety",
          names.get(s)
              + " applied "
              + show(c.command())
              + " at index "
              + index
              + ", but "
              + names.get(first.server())
              + " applied "
              + show(first.command())
              + " there");
    }
  }

  @Override
  public void run() {
    boolean full = ++runs % FULL_CHECK_EVERY == 0;
    check(full);
  }

  /** Scans every log completely (the end of a test calls this). */
  public void fullCheck() {
    check(true);
  }

  private void check(boolean full) {
    for (int s = 0; s < n; s++) {
      Raft rf = peers.apply(s);
      if (rf == null) {
        continue;
      }
      if (rf != instance[s]) {
        instance[s] = rf;
        forget(s);
      }
      Raft.RaftState st = rf.getState();
      maxTermSeen = Math.max(maxTermSeen, st.term());
      if (st.isLeader() && st.term() != checkedLeaderTerm[s]) {
        // a leader term already recorded for s is in leaderOfTerm as s: nothing new to check
        checkedLeaderTerm[s] = st.term();
        Integer other = leaderOfTerm.putIfAbsent(st.term(), s);
        if (other != null && other != s) {
          throw violation(
              "Election Safety",
              "term "
                  + st.term()
                  + " has two leaders: "
                  + names.get(other)
                  + " and "
                  + names.get(s));
        }
      }
      if (rf instanceof RaftIntrospection view) {
        if (full) {
          shadowLen[s] = 0;
        }
        checkMonotonic(s, view);
        checkAcknowledged(s, view);
        acknowledgedEntries.check(s, view);
        leaderCommitRule.check(s, view);
        checkVote(s, view);
        checkLog(s, view);
        if (st.isLeader()) {
          checkLeaderCompleteness(s, st.term(), view, full);
        }
      }
    }
  }

  /** Commit and snapshot index of one incarnation never decrease. */
  private void checkMonotonic(int s, RaftIntrospection view) {
    int commit = view.commitIndex();
    int snap = view.snapshotIndex();
    if (commit < seenCommit[s]) {
      throw violation(
          "Monotonic Commit Index",
          names.get(s)
              + "'s commit index went from "
              + seenCommit[s]
              + " down to "
              + commit
              + " without a restart");
    }
    if (snap < seenSnapshot[s]) {
      throw violation(
          "Monotonic Snapshot Index",
          names.get(s)
              + "'s snapshot index went from "
              + seenSnapshot[s]
              + " down to "
              + snap
              + " without a restart");
    }
    seenCommit[s] = commit;
    seenSnapshot[s] = snap;
  }

  /**
   * The entry at the highest commit index this server ever reported is still in its log or
   * snapshot.
   */
  private void checkAcknowledged(int s, RaftIntrospection view) {
    int commit = view.commitIndex();
    int snap = view.snapshotIndex();
    int last = view.lastIndex();
    if (commit > ackIndex[s] && commit >= snap && commit <= last) {
      ackIndex[s] = commit;
      ackTerm[s] = view.termAt(commit);
    }
    int a = ackIndex[s];
    if (a == 0 || a <= snap) {
      return;
    }
    if (a > last) {
      throw violation(
          "Acknowledged Entry Durability",
          names.get(s)
              + " once reported commit index "
              + a
              + " (entry of term "
              + ackTerm[s]
              + ") but its log now ends at index "
              + last
              + " and its snapshot at "
              + snap
              + " (entries acknowledged to a leader must be persisted before the reply)");
    }
    int t = view.termAt(a);
    if (t != ackTerm[s]) {
      throw violation(
          "Acknowledged Entry Durability",
          names.get(s)
              + " once reported commit index "
              + a
              + " with an entry of term "
              + ackTerm[s]
              + " there, but now holds an entry of term "
              + t
              + " at that index");
    }
  }

  /** At most one vote per term, across incarnations. */
  private void checkVote(int s, RaftIntrospection view) {
    int v = view.votedFor();
    if (v == RaftIntrospection.VOTE_NOT_EXPOSED || v < 0) {
      return;
    }
    int term = view.currentTerm();
    if (term == checkedVoteTerm[s] && v == checkedVote[s]) {
      return; // this very pair is already in votes: putIfAbsent would find it unchanged
    }
    checkedVoteTerm[s] = term;
    checkedVote[s] = v;
    Integer before = votes.get(s).putIfAbsent(term, v);
    if (before != null && before != v) {
      throw violation(
          "Vote Uniqueness",
          names.get(s)
              + " voted for "
              + label(before)
              + " and then for "
              + label(v)
              + " in term "
              + term
              + " (votedFor must survive crashes and restarts)");
    }
  }

  private String label(int peer) {
    return peer < n ? names.get(peer) : "peer " + peer;
  }

  private void forget(int s) {
    seenCommit[s] = 0;
    seenSnapshot[s] = 0;
    shadowLen[s] = 0;
    lcTerm[s] = UNKNOWN;
    lcUpTo[s] = 0;
    leaderCommitRule.forget(s);
  }

  /** Log Matching for the entries of {@code s} not checked since they last changed. */
  private void checkLog(int s, RaftIntrospection log) {
    int snap = log.snapshotIndex();
    int last = log.lastIndex();
    if (shadowTerms[s].length <= last) {
      shadowTerms[s] = Arrays.copyOf(shadowTerms[s], Math.max(last + 1, shadowTerms[s].length * 2));
    }
    int[] shadow = shadowTerms[s];
    for (int j = last; j > snap; j--) {
      int term = log.termAt(j);
      if (j < shadowLen[s] && shadow[j] == term) {
        break;
      }
      checkEntry(s, log, j, term, snap);
      shadow[j] = term;
    }
    shadowLen[s] = last + 1;
  }

  private void checkEntry(int s, RaftIntrospection log, int j, int term, int snap) {
    Object command = log.commandAt(j);
    int prev = j - 1 >= snap ? log.termAt(j - 1) : UNKNOWN;
    while (entriesAt.size() <= j) {
      entriesAt.add(null);
    }
    EntryRecord head = entriesAt.get(j);
    EntryRecord rec = head;
    while (rec != null && rec.term != term) {
      rec = rec.next;
    }
    if (rec == null) {
      entriesAt.set(j, new EntryRecord(term, command, prev, s, head));
      return;
    }
    if (!Objects.equals(rec.command, command)) {
      throw violation(
          "Log Matching",
          names.get(rec.server)
              + " and "
              + names.get(s)
              + " both hold an entry at index "
              + j
              + " with term "
              + term
              + ", but with different commands: "
              + show(rec.command)
              + " vs "
              + show(command));
    }
    if (prev != UNKNOWN) {
      if (rec.prevTerm == UNKNOWN) {
        rec.prevTerm = prev;
      } else if (rec.prevTerm != prev) {
        throw violation(
            "Log Matching",
            names.get(rec.server)
                + " and "
                + names.get(s)
                + " both hold the entry (index "
                + j
                + ", term "
                + term
                + ") but their logs differ before it: index "
                + (j - 1)
                + " has term "
                + rec.prevTerm
                + " vs "
                + prev);
      }
    }
  }

  private void checkLeaderCompleteness(int s, int term, RaftIntrospection log, boolean full) {
    if (lcTerm[s] != term || full) {
      lcTerm[s] = term;
      lcUpTo[s] = 0;
    }
    int top = committed.size() - 1;
    if (lcUpTo[s] >= top) {
      return;
    }
    int snap = log.snapshotIndex();
    int last = log.lastIndex();
    for (int j = Math.max(lcUpTo[s] + 1, snap + 1); j <= top; j++) {
      Committed c = committed.get(j);
      if (c == null || c.commitTermBound() >= term) {
        continue;
      }
      if (j > last) {
        throw violation(
            "Leader Completeness",
            names.get(s)
                + " is leader of term "
                + term
                + " but its log ends at index "
                + last
                + ", missing committed index "
                + j
                + " ("
                + show(c.command())
                + ", applied by "
                + names.get(c.server())
                + ", committed by term "
                + c.commitTermBound()
                + " at the latest)");
      }
      Object mine = log.commandAt(j);
      if (!Objects.equals(mine, c.command())) {
        throw violation(
            "Leader Completeness",
            names.get(s)
                + " is leader of term "
                + term
                + " but holds "
                + show(mine)
                + " at committed index "
                + j
                + ", where "
                + names.get(c.server())
                + " applied "
                + show(c.command())
                + " (committed by term "
                + c.commitTermBound()
                + " at the latest)");
      }
    }
    lcUpTo[s] = top;
  }

  private int currentMaxTerm() {
    for (int s = 0; s < n; s++) {
      Raft rf = peers.apply(s);
      if (rf != null) {
        maxTermSeen = Math.max(maxTermSeen, rf.getState().term());
      }
    }
    return maxTermSeen;
  }

  private RuntimeException violation(String invariant, String detail) {
    return sim.failure(invariant + " violated: " + detail, null);
  }

  /** A command for a message: long values (TestRPCBytes' 5000-byte strings) are cut short. */
  static String show(Object v) {
    String s = String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 37) + "...(" + s.length() + " chars)" : s;
  }
}
