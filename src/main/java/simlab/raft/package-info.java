/**
 * Raft (lab 3): the service-facing interface ({@link simlab.raft.Raft}, {@link
 * simlab.raft.RaftFactory}, {@link simlab.raft.ApplyMsg}) and the reference peer, built as a pure
 * consensus core plus a thin driver in the style of etcd's raft.
 *
 * <h2>Shape</h2>
 *
 * <ul>
 *   <li>{@link simlab.raft.RaftCore} is Figure 2 and §7 as a state machine without I/O, clock or
 *       randomness. Each step returns one immutable {@link simlab.raft.Ready} (what to persist,
 *       which requests to send, which timer should run, whether to replicate or apply soon, what to
 *       deliver, the step's reply) that the driver carries out in the order Ready documents and
 *       acknowledges with {@link simlab.raft.RaftCore#advance}. Everything from the network goes
 *       through one entry point, {@link simlab.raft.RaftCore#step}, which compares terms (and steps
 *       down) once before any handler runs.
 *   <li>{@link simlab.raft.Leader} holds a leader's per-follower {@link simlab.raft.Progress} and
 *       the commit rule; {@link simlab.raft.RaftLog} the log with absolute indices and the
 *       compacted prefix.
 *   <li>{@link simlab.raft.ReferenceRaft} is the driver: it turns requests, replies, timers, {@code
 *       start()} and {@code snapshot()} into core steps and carries out their Readys through {@link
 *       simlab.sim.NodeContext}; the {@link simlab.raft.Applier} delivers committed entries from an
 *       event of its own; {@link simlab.raft.LogEncoder} turns each {@link
 *       simlab.raft.Ready.Persist} into {@link simlab.raft.PersistentState}'s bytes without
 *       re-encoding old entries.
 * </ul>
 *
 * <h2>The life of one AppendEntries</h2>
 *
 * <p>A command proposed at the leader, through replication, commit and apply. Every step below is
 * one simulator event; every core call returns a Ready that {@code ReferenceRaft.carryOut} executes
 * (save, send, timers, schedule) and advances.
 *
 * <ol>
 *   <li><b>start().</b> The service calls {@link simlab.raft.Raft#start} on {@link
 *       simlab.raft.ReferenceRaft}, which steps {@link simlab.raft.RaftCore#propose}: if this peer
 *       leads, the entry goes to {@link simlab.raft.RaftLog#append} and {@link
 *       simlab.raft.Leader#advanceCommit} runs (it commits at once only with a single peer). The
 *       Ready carries a {@link simlab.raft.Ready.Persist} holding the new entry, {@code replicate =
 *       true}, and the {@link simlab.raft.Raft.StartResult} as its reply. {@code carryOut} saves it
 *       ({@link simlab.raft.LogEncoder#encode}, {@link simlab.sim.Persister#save}) and defers one
 *       replication event; start() returns the index without waiting.
 *   <li><b>Replication.</b> The deferred event steps {@link simlab.raft.RaftCore#replicate}, i.e.
 *       {@link simlab.raft.Leader#broadcast}{@code (false)}: every follower that has news and no
 *       request in flight gets, from {@code Leader.sendTo}, an {@link simlab.raft.AppendEntries}
 *       with {@code prevLogIndex = next - 1}, its term, up to {@link simlab.raft.Leader#MAX_BATCH}
 *       entries from {@link simlab.raft.RaftLog#slice} and the leader's commit index (a follower
 *       whose {@code next} fell into the snapshot gets an {@link simlab.raft.InstallSnapshot}). The
 *       requests are the Ready's {@code messages}; {@code carryOut} sends each with {@link
 *       simlab.sim.NodeContext#call}. Bursts of starts share one such event, which keeps the RPC
 *       count near one per agreement per follower.
 *   <li><b>At the follower.</b> The network delivers the request to the handler {@code
 *       ReferenceRaft.serve}, which steps {@link simlab.raft.RaftCore#step}: a higher term first
 *       makes the follower adopt it; then {@code onAppendEntries} rejects a stale term, follows the
 *       current leader (election timer restart), checks the entry at {@code prevLogIndex} (on a
 *       mismatch the reply carries the conflicting term and its first index, for fast
 *       backtracking), merges the entries ({@code mergeEntries} truncates only at a real conflict)
 *       and raises its commit index to {@code min(leaderCommit, last new index)}. The Ready holds
 *       the new entries to persist, {@link simlab.raft.Ready.Timers#ELECTION_RESTART} and the
 *       {@link simlab.raft.AppendEntriesReply}; {@code serve} sends that reply only after {@code
 *       carryOut} saved the entries it acknowledges.
 *   <li><b>Back at the leader.</b> The call's callback wraps the outcome in a {@link
 *       simlab.raft.Response} and steps {@link simlab.raft.RaftCore#step}: after the term check,
 *       {@code stepLeader} passes a reply to this term's request to {@link
 *       simlab.raft.Leader#onAppendReply}. A success raises the follower's {@code match}/{@code
 *       next}; {@link simlab.raft.Leader#advanceCommit} then commits the highest index of the
 *       current term that a majority holds (Figure 8: older terms only indirectly). A rejection
 *       moves {@code next} back using the hints; no reply ({@link simlab.raft.Leader#onNoReply})
 *       frees the follower for the next heartbeat. Whenever a follower still has news, the Ready
 *       asks to replicate again.
 *   <li><b>Commit reaches the followers.</b> The next replication pass or heartbeat ({@link
 *       simlab.raft.RaftCore#heartbeatTimeout}, every {@code ReferenceRaft.HEARTBEAT}) carries the
 *       new {@code leaderCommit}; each follower raises its commit index in {@code onAppendEntries}
 *       as in step 3.
 *   <li><b>Apply.</b> On every peer, a Ready with {@code applyPending} makes {@code carryOut}
 *       schedule the {@link simlab.raft.Applier}. In its own event it steps {@link
 *       simlab.raft.RaftCore#readyToApply}, whose Ready lists the {@link
 *       simlab.raft.ApplyMsg.Command}s (after an {@link simlab.raft.ApplyMsg.Snapshot} if one was
 *       installed) from the last applied index to the commit index, advances it (the apply cursor
 *       moves), and hands each message to the service's {@code applyCh} — in lab 3 the tester
 *       ({@code simlab.harness.RaftCluster}), which records it in the trace and checks it against
 *       the other peers. The service may call {@code start()} or {@code snapshot()} from that
 *       callback: each is a new step.
 * </ol>
 *
 * <p><b>Off in simulation: ReadIndex.</b> With {@link simlab.raft.RaftOptions#readIndex()} on (the
 * real-network runtime only; the graded suites run {@link simlab.raft.RaftOptions#DEFAULT}), a
 * service may ask {@link simlab.raft.ReadIndexRaft#readIndex} for a read index instead of putting a
 * read in the log: {@link simlab.raft.RaftCore#readIndex} records the commit index, the next
 * replication pass sends every follower an empty AppendEntries probe ({@link
 * simlab.raft.Leader#startReadRound}), and once a majority has answered a probe sent after the
 * request the driver hands the index back; stepping down or five heartbeats without a majority
 * refuse it.
 */
package simlab.raft;
