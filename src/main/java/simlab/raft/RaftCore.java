package simlab.raft;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import simlab.sim.Rpc;

/**
 * The Raft consensus state machine (Figure 2 and §7), free of I/O, clocks and randomness, in the
 * style of etcd's raft: every step returns one immutable {@link Ready} saying what to persist,
 * send, schedule and apply, and the driver acknowledges it with {@link #advance(Ready)} (see {@link
 * Ready} for the order and the invariants).
 *
 * <p>The steps: {@link #step(Message)} for everything from the network (requests, and replies or
 * their absence), {@link #electionTimeout()}, {@link #heartbeatTimeout()} and {@link #replicate()}
 * for timers, {@link #propose(Object)} and {@link #compact} for the service, and {@link
 * #readyToApply()} to hand committed entries to it.
 *
 * <p>{@code step} compares the message's term with ours once, before any handler runs: a higher
 * term makes this peer a follower of that term (Figure 2, "Rules for All Servers"), so no handler
 * repeats the check. Requests are then handled the same in every role; responses go to {@link
 * #stepLeader} or {@link #stepCandidate} by role (a follower has nothing in flight that a response
 * could still matter to). Leader-only bookkeeping lives in {@link Leader}.
 *
 * <p>Peers are named by their index in the peer list; {@code me} is this peer's index.
 *
 * <p><b>Seams.</b> The class is not final, and the Figure 2 rules that a classic mistake changes
 * are package-private methods rather than private ones: {@link #onRequestVote}, {@link
 * #onAppendEntries}, {@link #mergeEntries}, {@link #onInstallSnapshot} and {@link #newLeader}, plus
 * {@link #markDirty} for a variant that changes durable state itself. They exist for the zoo of
 * deliberately broken Raft peers in the test tree ({@code simlab.zoo}), each a subclass overriding
 * one rule, built through {@link ReferenceRaft}'s package-private constructor: the reference stays
 * one implementation with no switches, and each mistake is a few lines next to the rule it breaks.
 * Nothing outside this package can subclass it.
 */
class RaftCore {
  enum Role {
    FOLLOWER,
    CANDIDATE,
    LEADER;

    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * The lower-case name {@link RaftIntrospection#role()} reports, made once: the status probe
     * asks for it after every event.
     */
    String label() {
      return label;
    }
  }

  final int me;
  final int size;
  final RaftLog log;
  int term;
  int votedFor;
  Role role = Role.FOLLOWER;
  int commitIndex;

  /**
   * The highest index a success reply of term {@link #ackTerm} vouched for (introspection only,
   * never persisted: the monitor remembers it across restarts).
   */
  int ackIndex;

  int ackTerm;

  /** Highest index handed to the service (a delivered snapshot counts up to its index). */
  int lastApplied;

  /** The service snapshot covering entries 1..log.snapshotIndex() (empty when there is none). */
  byte[] snapshot;

  private boolean[] votes;
  Leader leader;

  /** Run a Pre-Vote round before each election (Raft thesis §9.6). */
  private final boolean preVote;

  /** Serve {@link #readIndex} requests ({@link RaftOptions#readIndex()}); off in simulation. */
  private final boolean readIndex;

  /** ReadIndex answers not yet taken by the driver ({@link #takeReadResults()}). */
  private final List<ReadResult> readResults = new ArrayList<>();

  /** The answer to one {@link #readIndex} request: the read's index, or -1 when refused. */
  record ReadResult(long token, int index) {}

  /**
   * Pre-votes granted in the round under way (null when none is); the role stays FOLLOWER
   * meanwhile.
   */
  private boolean[] preVotes;

  /** Pre-Vote: a leader of the current term was heard since the election timer last fired. */
  private boolean leaderContact;

  /** A leader was heard in this step (see {@link #takeLeaderHeard()}). */
  private boolean leaderHeard;

  // What the current step has asked for so far; turned into its Ready by finish().
  private final List<Ready.Send> sends = new ArrayList<>();
  private boolean dirty;
  private boolean restartElection;
  private boolean replicateSoon;

  /** The Ready handed out and not yet advanced (null between steps). */
  private Ready outstanding;

  RaftCore(int me, int size, PersistentState state, byte[] snapshot) {
    this(me, size, state, snapshot, false);
  }

  /**
   * @param preVote run a Pre-Vote round before each election ({@link RaftTiming#preVote()})
   */
  RaftCore(int me, int size, PersistentState state, byte[] snapshot, boolean preVote) {
    this(me, size, state, snapshot, preVote, false);
  }

  /**
   * @param readIndex serve {@link #readIndex} requests ({@link RaftOptions#readIndex()})
   */
  RaftCore(
      int me,
      int size,
      PersistentState state,
      byte[] snapshot,
      boolean preVote,
      boolean readIndex) {
    this.preVote = preVote;
    this.readIndex = readIndex;
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
    return new PersistentState(
        term, votedFor, log.snapshotIndex(), log.snapshotTerm(), log.suffix());
  }

  boolean isLeader() {
    return role == Role.LEADER;
  }

  // ---- the Ready protocol ------------------------------------------------------------------

  /**
   * The driver has carried out {@code ready}: what it persisted is durable (the next persist
   * reports only later log changes), and what it hands to the service counts as applied. Only the
   * Ready of the latest step can be advanced, exactly once.
   */
  void advance(Ready ready) {
    if (ready != outstanding) {
      throw new IllegalStateException(
          "advance() of a Ready that is not the outstanding one"
              + (outstanding == null ? " (none is)" : ""));
    }
    outstanding = null;
    if (ready.persist() != null) {
      log.markStable();
    }
    if (!ready.toApply().isEmpty()) {
      ApplyMsg last = ready.toApply().get(ready.toApply().size() - 1);
      lastApplied =
          last instanceof ApplyMsg.Command c ? c.index() : ((ApplyMsg.Snapshot) last).index();
    }
  }

  private void begin() {
    if (outstanding != null) {
      throw new IllegalStateException(
          "a step while a Ready is outstanding: carry it out and advance() it first");
    }
  }

  /** Packs what this step asked for into its Ready and starts the next step afresh. */
  private Ready finish(Object reply) {
    Ready.Timers timers =
        role == Role.LEADER
            ? Ready.Timers.HEARTBEAT
            : restartElection ? Ready.Timers.ELECTION_RESTART : Ready.Timers.ELECTION;
    Ready ready =
        new Ready(
            dirty ? persistUpdate() : null,
            ImmutableList.copyOf(sends),
            timers,
            replicateSoon,
            hasApplyWork(),
            ImmutableList.of(),
            reply);
    sends.clear();
    dirty = false;
    restartElection = false;
    replicateSoon = false;
    outstanding = ready;
    return ready;
  }

  /** The durable state as a change since the last advanced persist (see {@link Ready.Persist}). */
  Ready.Persist persistUpdate() {
    int firstChanged = log.changedFrom();
    int from = Math.max(firstChanged, log.snapshotIndex() + 1);
    ImmutableList<LogEntry> changed =
        from > log.lastIndex() ? ImmutableList.of() : log.slice(from, log.lastIndex() - from + 1);
    return new Ready.Persist(
        term,
        votedFor,
        log.snapshotIndex(),
        log.snapshotTerm(),
        firstChanged,
        log.lastIndex(),
        changed,
        snapshot);
  }

  /** This step changed durable state (term, vote, log, snapshot): its Ready must persist it. */
  void markDirty() {
    dirty = true;
  }

  void send(int peer, Rpc<?> message) {
    sends.add(new Ready.Send(peer, message));
  }

  /** Leader: some follower has news; ask the driver for a (coalesced) replication pass. */
  void replicateSoon() {
    replicateSoon = true;
  }

  // ---- timers -------------------------------------------------------------------------

  /**
   * The election timer fired: start an election for the next term (§5.2), or with Pre-Vote first
   * ask whether a majority would vote for us in it.
   */
  Ready electionTimeout() {
    begin();
    if (role != Role.LEADER && preVote) {
      leaderContact = false;
      role = Role.FOLLOWER;
      votes = null;
      preVotes = new boolean[size];
      preVotes[me] = true;
      restartElection = true; // no majority by the next timeout: another round then
      if (isMajority(1)) {
        preVotes = null;
        campaign();
      } else {
        PreVote pv = new PreVote(term + 1, me, log.lastIndex(), log.lastTerm());
        for (int p = 0; p < size; p++) {
          if (p != me) {
            send(p, pv);
          }
        }
      }
    } else if (role != Role.LEADER) {
      campaign();
    }
    return finish(null);
  }

  /** Becomes a candidate of the next term and asks everyone for a vote. */
  private void campaign() {
    term++;
    votedFor = me;
    role = Role.CANDIDATE;
    votes = new boolean[size];
    votes[me] = true;
    dirty = true;
    restartElection = true;
    if (isMajority(1)) {
      becomeLeader();
    } else {
      RequestVote rv = new RequestVote(term, me, log.lastIndex(), log.lastTerm());
      for (int p = 0; p < size; p++) {
        if (p != me) {
          send(p, rv);
        }
      }
    }
  }

  /**
   * Pre-Vote: the minimum election timeout has passed since a leader was last heard (the driver's
   * lease timer), so this peer may grant pre-votes again.
   */
  Ready leaderLeaseExpired() {
    begin();
    leaderContact = false;
    return finish(null);
  }

  /**
   * Pre-Vote: whether a leader was heard since the last call (the driver then restarts its lease
   * timer). A side channel next to the Ready because it only matters with Pre-Vote on.
   */
  boolean takeLeaderHeard() {
    boolean h = leaderHeard;
    leaderHeard = false;
    return h;
  }

  /** The heartbeat timer fired: the leader contacts every follower, in flight or not. */
  Ready heartbeatTimeout() {
    begin();
    if (leader != null) {
      leader.broadcast(true);
      if (readIndex) {
        leader.tickReads();
      }
    }
    return finish(null);
  }

  /**
   * Deferred replication: send to followers that have news and nothing in flight (and, with
   * ReadIndex, start the leadership round that waiting reads need).
   */
  Ready replicate() {
    begin();
    if (leader != null) {
      leader.broadcast(false);
      if (readIndex) {
        leader.startReadRound();
      }
    }
    return finish(null);
  }

  // ---- ReadIndex (Raft thesis §6.4) ----------------------------------------------------------

  /**
   * A linearizable read without a log entry: a leader that has committed an entry of its own term
   * (so its commit index covers every write completed so far; until then it refuses, and the
   * service reads through the log, which commits one) records the read with its commit index and
   * asks for a deferred pass, which sends the probes that confirm it still leads. The answer comes
   * through {@link #takeReadResults()}, now (refused, or a group of one) or after a later step.
   */
  Ready readIndex(long token) {
    begin();
    if (!readIndex || role != Role.LEADER || log.term(commitIndex) != term) {
      readAnswered(token, -1);
    } else if (isMajority(1)) {
      readAnswered(token, commitIndex);
    } else {
      leader.addRead(token);
      replicateSoon = true;
    }
    return finish(null);
  }

  void readAnswered(long token, int index) {
    readResults.add(new ReadResult(token, index));
  }

  /**
   * The ReadIndex answers since the last call, in order. A side channel next to the Ready (like
   * {@link #takeLeaderHeard()}) because it only exists with ReadIndex on.
   */
  List<ReadResult> takeReadResults() {
    if (readResults.isEmpty()) {
      return List.of();
    }
    List<ReadResult> out = new ArrayList<>(readResults);
    readResults.clear();
    return out;
  }

  // ---- service ------------------------------------------------------------------------

  /**
   * start(): appends {@code command} if this peer leads; the Ready's reply is the {@link
   * Raft.StartResult}.
   */
  Ready propose(Object command) {
    begin();
    if (role != Role.LEADER) {
      return finish(new Raft.StartResult(-1, term, false));
    }
    int index = log.append(new LogEntry(term, command));
    dirty = true;
    replicateSoon = true;
    leader.advanceCommit();
    return finish(new Raft.StartResult(index, term, true));
  }

  /**
   * The service's snapshot covers 1..index: drop those entries (ignored if stale or not yet
   * applied).
   */
  Ready compact(int index, byte[] data) {
    begin();
    if (index > log.snapshotIndex() && index <= lastApplied) {
      log.compactTo(index);
      snapshot = data.clone();
      dirty = true;
    }
    return finish(null);
  }

  /**
   * The apply step: a Ready whose {@code toApply} holds, in order, the newer snapshot (if the log
   * was replaced by one) and every committed command not yet handed out. It carries nothing else;
   * {@link #advance} moves the apply cursor past it.
   */
  Ready readyToApply() {
    begin();
    ImmutableList.Builder<ApplyMsg> out = ImmutableList.builder();
    int next = lastApplied;
    if (next < log.snapshotIndex()) {
      next = log.snapshotIndex();
      out.add(new ApplyMsg.Snapshot(next, log.snapshotTerm(), snapshot.clone()));
    }
    while (next < commitIndex) {
      next++;
      LogEntry e = log.entry(next);
      out.add(new ApplyMsg.Command(next, e.term(), e.command()));
    }
    outstanding =
        new Ready(
            null, ImmutableList.of(), Ready.Timers.UNCHANGED, false, false, out.build(), null);
    return outstanding;
  }

  boolean hasApplyWork() {
    return lastApplied < commitIndex || lastApplied < log.snapshotIndex();
  }

  // ---- the network: one entry point ---------------------------------------------------------

  /**
   * Handles one message from the network. The term check happens here and only here: a message from
   * a higher term turns this peer into a follower of that term (vote cleared, persisted) before any
   * handler sees the message. For a request the Ready's reply is the answer to send back.
   */
  Ready step(Message m) {
    begin();
    // A PreVote's term is one its sender only might campaign in: nobody adopts it.
    if (m.term() > term && !(m instanceof PreVote)) {
      stepDown(m.term());
    }
    Object reply = null;
    if (m instanceof PreVote pv) {
      reply = onPreVote(pv);
    } else if (m instanceof RequestVote rv) {
      reply = onRequestVote(rv);
    } else if (m instanceof AppendEntries ae) {
      reply = onAppendEntries(ae);
    } else if (m instanceof InstallSnapshot is) {
      reply = onInstallSnapshot(is);
    } else if (m instanceof Response r) {
      if (role == Role.LEADER) {
        stepLeader(r);
      } else if (role == Role.CANDIDATE) {
        stepCandidate(r);
      } else if (preVotes != null) {
        stepPreCandidate(r);
      } // a follower ignores responses: they answer requests of a term or role it has left
    }
    return finish(reply);
  }

  /** A leader hears back from a follower: replication progress (only for this term's requests). */
  private void stepLeader(Response r) {
    if (r.request() instanceof AppendEntries ae && ae.term() == term) {
      if (readIndex && leader.onProbeResponse(r.peer(), ae, r.reply().isPresent())) {
        return;
      }
      if (r.reply().isEmpty()) {
        leader.onNoReply(r.peer());
      } else {
        leader.onAppendReply(r.peer(), ae, (AppendEntriesReply) r.reply().get());
      }
    } else if (r.request() instanceof InstallSnapshot is && is.term() == term) {
      if (r.reply().isEmpty()) {
        leader.onNoReply(r.peer());
      } else {
        leader.onSnapshotReply(r.peer(), is);
      }
    }
  }

  /** A candidate hears back from a voter: count this term's granted votes. */
  private void stepCandidate(Response r) {
    if (r.request() instanceof RequestVote rv
        && rv.term() == term
        && r.reply().orElse(null) instanceof RequestVoteReply v
        && v.voteGranted()) {
      votes[r.peer()] = true;
      int granted = 0;
      for (boolean g : votes) {
        granted += g ? 1 : 0;
      }
      if (isMajority(granted)) {
        becomeLeader();
      }
    }
  }

  /**
   * A pre-candidate hears back: with a majority of pre-votes for the next term, campaign for real.
   */
  private void stepPreCandidate(Response r) {
    if (r.request() instanceof PreVote pv
        && pv.term() == term + 1
        && r.reply().orElse(null) instanceof PreVoteReply v
        && v.granted()) {
      preVotes[r.peer()] = true;
      int granted = 0;
      for (boolean g : preVotes) {
        granted += g ? 1 : 0;
      }
      if (isMajority(granted)) {
        preVotes = null;
        campaign();
      }
    }
  }

  // ---- requests (any role; the term is already at least theirs) --------------------------

  /**
   * Pre-Vote (thesis §9.6): would we vote for this server in {@code pv.term()}? Only if that term
   * is newer than ours, its log is at least as up to date, and we have not heard from a leader
   * within the minimum election timeout (the driver's lease timer; also cleared when our own
   * election timer fires), so a server that merely lost touch cannot disrupt a working leader.
   * Nothing changes here: no vote is cast.
   */
  private PreVoteReply onPreVote(PreVote pv) {
    boolean grant =
        pv.term() > term
            && role != Role.LEADER
            && !leaderContact
            && log.isUpToDate(pv.lastLogIndex(), pv.lastLogTerm());
    return new PreVoteReply(term, grant);
  }

  RequestVoteReply onRequestVote(RequestVote rv) {
    boolean grant =
        rv.term() == term
            && (votedFor == -1 || votedFor == rv.candidate())
            && log.isUpToDate(rv.lastLogIndex(), rv.lastLogTerm());
    if (grant) {
      votedFor = rv.candidate();
      dirty = true;
      restartElection = true;
    }
    return new RequestVoteReply(term, grant);
  }

  AppendEntriesReply onAppendEntries(AppendEntries ae) {
    if (ae.term() < term) {
      return new AppendEntriesReply(term, false, AppendEntriesReply.NO_TERM, 0);
    }
    followCurrentLeader();
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
    acknowledge(lastNew);
    return new AppendEntriesReply(term, true, AppendEntriesReply.NO_TERM, 0);
  }

  /**
   * Appends what is new and truncates only at a real conflict: a delayed, shorter AppendEntries
   * must never cut off entries a newer one already added.
   */
  void mergeEntries(int prev, AppendEntries ae) {
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
      dirty = true;
    }
  }

  InstallSnapshotReply onInstallSnapshot(InstallSnapshot is) {
    if (is.term() < term) {
      return new InstallSnapshotReply(term);
    }
    followCurrentLeader();
    int index = is.lastIncludedIndex();
    if (index <= commitIndex) {
      acknowledge(index);
      return new InstallSnapshotReply(term); // we already have (and may have applied) all of it
    }
    if (log.hasTerm(index) && log.term(index) == is.lastIncludedTerm()) {
      log.compactTo(index); // §7: keep the entries that follow the snapshot
    } else {
      log.resetTo(index, is.lastIncludedTerm());
    }
    snapshot = is.data().clone();
    commitIndex = index;
    dirty = true;
    acknowledge(index);
    return new InstallSnapshotReply(term);
  }

  /** The reply about to be sent tells the leader of this term we hold everything up to index. */
  void acknowledge(int index) {
    if (ackTerm != term) {
      ackTerm = term;
      ackIndex = 0;
    }
    ackIndex = Math.max(ackIndex, index);
  }

  // ---- roles ----------------------------------------------------------------------------

  /** A message from {@code newTerm} > term: adopt it, with no vote yet, as a follower. */
  private void stepDown(int newTerm) {
    term = newTerm;
    votedFor = -1;
    dirty = true;
    becomeFollower();
  }

  /**
   * The leader of our term spoke (AppendEntries or InstallSnapshot): follow it, hold off elections.
   */
  private void followCurrentLeader() {
    leaderContact = true;
    leaderHeard = true;
    preVotes = null;
    if (role != Role.FOLLOWER) {
      becomeFollower(); // a candidate of the same term lost the election
    }
    restartElection = true;
  }

  private void becomeFollower() {
    if (readIndex && leader != null) {
      leader.refuseReads();
    }
    role = Role.FOLLOWER;
    leader = null;
    votes = null;
    preVotes = null;
  }

  private void becomeLeader() {
    role = Role.LEADER;
    votes = null;
    leader = newLeader();
    leader.broadcast(true);
  }

  /**
   * The leader state of a fresh term (a seam: the zoo's commit-rule mistakes subclass {@link
   * Leader}).
   */
  Leader newLeader() {
    return new Leader(this);
  }

  boolean isMajority(int count) {
    return count * 2 > size;
  }
}
