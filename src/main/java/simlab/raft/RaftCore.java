package simlab.raft;

import java.util.Optional;

/**
 * The Raft consensus state machine (Figure 2 and §7), free of I/O, clocks and
 * randomness: the driver feeds it messages and timer expiries through one method per
 * event, and carries out what it leaves in {@link #out} (persist, send, reset the
 * election timer, flush replication). Leader-only bookkeeping lives in {@link Leader}.
 *
 * <p>Peers are named by their index in the peer list; {@code me} is this peer's index.
 */
final class RaftCore {
  enum Role { FOLLOWER, CANDIDATE, LEADER }

  final int me;
  final int size;
  final RaftLog log;
  final Outbox out = new Outbox();
  int term;
  int votedFor;
  Role role = Role.FOLLOWER;
  int commitIndex;
  /** Highest index handed to the service (a delivered snapshot counts up to its index). */
  int lastApplied;
  /** The service snapshot covering entries 1..log.snapshotIndex() (empty when there is none). */
  byte[] snapshot;
  private boolean[] votes;
  private Leader leader;

  RaftCore(int me, int size, PersistentState state, byte[] snapshot) {
    this.me = me;
    this.size = size;
    this.term = state.term();
    this.votedFor = state.votedFor();
    this.log = new RaftLog(state.snapshotIndex(), state.snapshotTerm(), state.entries());
    this.snapshot = snapshot == null ? new byte[0] : snapshot;
    // The service restores the persisted snapshot itself before Raft starts (as 6.5840's
    // tester does), so delivery resumes right after it.
    this.commitIndex = log.snapshotIndex();
    this.lastApplied = log.snapshotIndex();
  }

  PersistentState persistentState() {
    return new PersistentState(term, votedFor, log.snapshotIndex(), log.snapshotTerm(), log.suffix());
  }

  boolean isLeader() {
    return role == Role.LEADER;
  }

  // ---- timers -------------------------------------------------------------------------

  /** The election timer fired: start an election for the next term (§5.2). */
  void electionTimeout() {
    if (role == Role.LEADER) {
      return;
    }
    term++;
    votedFor = me;
    role = Role.CANDIDATE;
    votes = new boolean[size];
    votes[me] = true;
    out.persist = true;
    out.resetElectionTimer = true;
    if (isMajority(1)) {
      becomeLeader();
      return;
    }
    RequestVote rv = new RequestVote(term, me, log.lastIndex(), log.lastTerm());
    for (int p = 0; p < size; p++) {
      if (p != me) {
        out.send(p, rv);
      }
    }
  }

  /** The heartbeat timer fired: the leader contacts every follower, in flight or not. */
  void heartbeat() {
    if (leader != null) {
      leader.broadcast(true);
    }
  }

  /** Deferred replication: send to followers that have news and nothing in flight. */
  void flush() {
    if (leader != null) {
      leader.broadcast(false);
    }
  }

  // ---- service ------------------------------------------------------------------------

  Raft.StartResult propose(Object command) {
    if (role != Role.LEADER) {
      return new Raft.StartResult(-1, term, false);
    }
    int index = log.append(new LogEntry(term, command));
    out.persist = true;
    out.flush = true;
    leader.advanceCommit();
    return new Raft.StartResult(index, term, true);
  }

  /** The service's snapshot covers 1..index: drop those entries (ignored if stale or not yet applied). */
  void compact(int index, byte[] data) {
    if (index <= log.snapshotIndex() || index > lastApplied) {
      return;
    }
    log.compactTo(index);
    snapshot = data.clone();
    out.persist = true;
  }

  /** The next message for the service, in order, or null when it is up to date. */
  ApplyMsg nextApply() {
    if (lastApplied < log.snapshotIndex()) {
      lastApplied = log.snapshotIndex();
      return new ApplyMsg.Snapshot(lastApplied, log.snapshotTerm(), snapshot.clone());
    }
    if (lastApplied < commitIndex) {
      lastApplied++;
      LogEntry e = log.entry(lastApplied);
      return new ApplyMsg.Command(lastApplied, e.term(), e.command());
    }
    return null;
  }

  boolean hasApplyWork() {
    return lastApplied < commitIndex || lastApplied < log.snapshotIndex();
  }

  // ---- RequestVote ----------------------------------------------------------------------

  RequestVoteReply handleRequestVote(RequestVote rv) {
    observeTerm(rv.term());
    boolean grant = rv.term() == term
        && (votedFor == -1 || votedFor == rv.candidate())
        && log.isUpToDate(rv.lastLogIndex(), rv.lastLogTerm());
    if (grant) {
      votedFor = rv.candidate();
      out.persist = true;
      out.resetElectionTimer = true;
    }
    return new RequestVoteReply(term, grant);
  }

  void handleRequestVoteReply(int from, RequestVote rv, Optional<RequestVoteReply> reply) {
    if (reply.isEmpty() || observeTerm(reply.get().term())) {
      return;
    }
    if (role != Role.CANDIDATE || term != rv.term() || !reply.get().voteGranted()) {
      return;
    }
    votes[from] = true;
    int granted = 0;
    for (boolean v : votes) {
      granted += v ? 1 : 0;
    }
    if (isMajority(granted)) {
      becomeLeader();
    }
  }

  // ---- AppendEntries --------------------------------------------------------------------

  AppendEntriesReply handleAppendEntries(AppendEntries ae) {
    if (ae.term() < term) {
      return new AppendEntriesReply(term, false, AppendEntriesReply.NO_TERM, 0);
    }
    acceptLeader(ae.term());
    int prev = ae.prevLogIndex();
    if (prev > log.lastIndex()) {
      return new AppendEntriesReply(term, false, AppendEntriesReply.NO_TERM, log.lastIndex() + 1);
    }
    // Below the snapshot everything is committed and therefore matches the leader.
    if (prev >= log.snapshotIndex() && log.term(prev) != ae.prevLogTerm()) {
      return new AppendEntriesReply(term, false, log.term(prev), log.firstIndexOfTermAt(prev));
    }
    mergeEntries(prev, ae);
    int lastNew = prev + ae.entries().size();
    int newCommit = Math.min(ae.leaderCommit(), lastNew);
    if (newCommit > commitIndex) {
      commitIndex = newCommit;
    }
    return new AppendEntriesReply(term, true, AppendEntriesReply.NO_TERM, 0);
  }

  /**
   * Appends what is new and truncates only at a real conflict: a delayed, shorter
   * AppendEntries must never cut off entries a newer one already added.
   */
  private void mergeEntries(int prev, AppendEntries ae) {
    for (int i = 0; i < ae.entries().size(); i++) {
      int index = prev + 1 + i;
      if (index <= log.snapshotIndex()) {
        continue;
      }
      LogEntry e = ae.entries().get(i);
      if (index <= log.lastIndex()) {
        if (log.term(index) == e.term()) {
          continue;
        }
        log.truncateFrom(index);
      }
      log.append(e);
      out.persist = true;
    }
  }

  void handleAppendEntriesReply(int from, AppendEntries ae, Optional<AppendEntriesReply> reply) {
    if (reply.isPresent() && observeTerm(reply.get().term())) {
      return;
    }
    if (role != Role.LEADER || term != ae.term()) {
      return;
    }
    if (reply.isEmpty()) {
      leader.onNoReply(from);
    } else {
      leader.onAppendReply(from, ae, reply.get());
    }
  }

  // ---- InstallSnapshot ------------------------------------------------------------------

  InstallSnapshotReply handleInstallSnapshot(InstallSnapshot is) {
    if (is.term() < term) {
      return new InstallSnapshotReply(term);
    }
    acceptLeader(is.term());
    int index = is.lastIncludedIndex();
    if (index <= commitIndex) {
      return new InstallSnapshotReply(term); // we already have (and may have applied) all of it
    }
    if (log.hasTerm(index) && log.term(index) == is.lastIncludedTerm()) {
      log.compactTo(index); // §7: keep the entries that follow the snapshot
    } else {
      log.resetTo(index, is.lastIncludedTerm());
    }
    snapshot = is.data().clone();
    commitIndex = index;
    out.persist = true;
    return new InstallSnapshotReply(term);
  }

  void handleInstallSnapshotReply(int from, InstallSnapshot is, Optional<InstallSnapshotReply> reply) {
    if (reply.isPresent() && observeTerm(reply.get().term())) {
      return;
    }
    if (role != Role.LEADER || term != is.term()) {
      return;
    }
    if (reply.isEmpty()) {
      leader.onNoReply(from);
    } else {
      leader.onSnapshotReply(from, is);
    }
  }

  // ---- roles ----------------------------------------------------------------------------

  /** Adopts a higher term seen in any message (Figure 2 "Rules for All Servers"). */
  private boolean observeTerm(int seen) {
    if (seen <= term) {
      return false;
    }
    term = seen;
    votedFor = -1;
    out.persist = true;
    becomeFollower();
    return true;
  }

  /** A valid leader for {@code leaderTerm} (>= ours) spoke: follow it and hold off elections. */
  private void acceptLeader(int leaderTerm) {
    observeTerm(leaderTerm);
    if (role != Role.FOLLOWER) {
      becomeFollower();
    }
    out.resetElectionTimer = true;
  }

  private void becomeFollower() {
    role = Role.FOLLOWER;
    leader = null;
    votes = null;
  }

  private void becomeLeader() {
    role = Role.LEADER;
    votes = null;
    leader = new Leader(this);
    leader.broadcast(true);
  }

  boolean isMajority(int count) {
    return count * 2 > size;
  }
}
