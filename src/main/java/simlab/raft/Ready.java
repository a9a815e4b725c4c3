package simlab.raft;

import com.google.common.collect.ImmutableList;
import simlab.sim.Rpc;

/**
 * Everything one step of {@link RaftCore} asks its driver to do, as one immutable value, in the
 * manner of etcd raft's {@code Ready}. The core does no I/O: each step (a request or a response
 * through {@link RaftCore#step}, a timer, {@code propose}, {@code compact}, {@code readyToApply})
 * returns a Ready, and the driver must carry it out and then acknowledge it with {@link
 * RaftCore#advance(Ready)} before the core takes its next step.
 *
 * <p><b>The order</b> in which a driver carries out a Ready (what {@link ReferenceRaft} does):
 *
 * <ol>
 *   <li>{@link #persist}: save it, atomically, when present. This comes first because every message
 *       of the same Ready (a granted vote, a successful AppendEntries reply, a RequestVote for a
 *       new term) may depend on it: nothing leaves before the state it announces is durable;
 *   <li>{@link #messages}: send them, in list order;
 *   <li>{@link #timers}: bring the timers to the state it names;
 *   <li>{@link #replicate}: when set, schedule one deferred {@link RaftCore#replicate()} step
 *       (several Readys in a row may share it);
 *   <li>{@link #applyPending}: when set, schedule one deferred {@link RaftCore#readyToApply()}
 *       step;
 *   <li>{@link #reply}: hand the answer to the caller (an RPC reply leaves only now, after the
 *       state it reports was saved);
 *   <li>{@link RaftCore#advance(Ready)};
 *   <li>{@link #toApply}: deliver the messages to the service, in order. They are delivered after
 *       {@code advance} because the service may call back into Raft ({@code start}, {@code
 *       snapshot}) from its apply callback, which is a new step.
 * </ol>
 *
 * <p><b>Invariants</b> (checked by RaftCoreTest):
 *
 * <ul>
 *   <li>a step that changes the term, the vote, the log or the snapshot yields a Ready whose {@link
 *       #persist} is present; other steps yield none, except that a vote granted again to the same
 *       candidate is saved again;
 *   <li>{@link #persist} describes the log change since the previous advanced Ready, so a driver
 *       that saves every persist in order holds the whole state;
 *   <li>{@link #toApply} is non-empty only in the Ready of {@link RaftCore#readyToApply()}, which
 *       carries nothing else (its {@link #timers} is {@link Timers#UNCHANGED});
 *   <li>a step with nothing to do yields an {@link #isEmpty() empty} Ready;
 *   <li>the core refuses a step while a Ready is outstanding (not yet advanced), so no Ready is
 *       lost or carried out twice.
 * </ul>
 *
 * @param persist what to save before anything else, or null when the step changed nothing durable
 * @param messages requests to send, each to a peer index
 * @param timers which timer should run after this step
 * @param replicate schedule a deferred replication pass (leader: a follower has news to hear)
 * @param applyPending committed entries or a newer snapshot await delivery to the service
 * @param toApply what to deliver to the service now, in order (only from {@code readyToApply})
 * @param reply the step's answer to its caller: the RPC reply for a request, the {@link
 *     Raft.StartResult} for a proposal, null otherwise
 */
record Ready(
    Persist persist,
    ImmutableList<Send> messages,
    Timers timers,
    boolean replicate,
    boolean applyPending,
    ImmutableList<ApplyMsg> toApply,
    Object reply) {

  /** A request for the peer at index {@code peer} of the peer list. */
  record Send(int peer, Rpc<?> message) {}

  /**
   * Which timer runs after a step: a leader sends heartbeats, anyone else waits for an election.
   */
  enum Timers {
    /** Leader: the heartbeat timer runs (armed if it is not), the election timer does not. */
    HEARTBEAT,
    /** Not a leader: the election timer runs (armed if it is not), heartbeats stop. */
    ELECTION,
    /**
     * Not a leader, and a leader was heard, a vote granted or an election started: re-arm the
     * election timer now.
     */
    ELECTION_RESTART,
    /** Leave the timers as they are (the apply step, which changes no role). */
    UNCHANGED
  }

  /**
   * The durable state after a step, as a change against the previous persisted one: the hard state
   * (term, vote), the snapshot's last index and term, the log entries from {@code firstChanged} to
   * {@code lastIndex} (everything at or after {@code firstChanged} was replaced or added; earlier
   * entries after the snapshot are as last saved) and the service snapshot. {@link LogEncoder}
   * turns it into {@link PersistentState}'s bytes without re-encoding unchanged entries.
   *
   * <p>{@code snapshot} is the core's own array: the core never writes into an array it has handed
   * out (it replaces it), and the persister copies on save.
   *
   * @param firstChanged lowest log index changed since the last persist; above {@code lastIndex}
   *     when only the hard state or the snapshot changed
   * @param changed the entries {@code max(firstChanged, snapshotIndex + 1) .. lastIndex}
   */
  record Persist(
      int term,
      int votedFor,
      int snapshotIndex,
      int snapshotTerm,
      int firstChanged,
      int lastIndex,
      ImmutableList<LogEntry> changed,
      byte[] snapshot) {

    /** The entry at {@code index}, which must be in {@link #changed}. */
    LogEntry entry(int index) {
      int from = Math.max(firstChanged, snapshotIndex + 1);
      if (index < from || index > lastIndex) {
        throw new IllegalStateException(
            "entry "
                + index
                + " is not part of this persist (changed "
                + from
                + ".."
                + lastIndex
                + "): a Ready was not persisted");
      }
      return changed.get(index - from);
    }
  }

  /**
   * True when the step asks for nothing: no save, send, timer restart, replication, apply or reply.
   */
  boolean isEmpty() {
    return persist == null
        && messages.isEmpty()
        && timers != Timers.ELECTION_RESTART
        && !replicate
        && !applyPending
        && toApply.isEmpty()
        && reply == null;
  }

  /** The reply of a request step, typed by the request. */
  @SuppressWarnings("unchecked") // the core answers an Rpc<R> with an R (see RaftCore#step)
  <R> R replyTo(Rpc<R> request) {
    return (R) reply;
  }
}
