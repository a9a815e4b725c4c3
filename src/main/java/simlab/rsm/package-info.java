/**
 * One replicated-state-machine layer for every service built on Raft (the KV service of lab 4, the
 * shard controller and the shard groups of lab 5), in the shape of 6.5840 2025's {@code
 * kvraft1/rsm}: a service is a {@link simlab.rsm.StateMachine} ({@code doOp}, {@code snapshot},
 * {@code restore}) plus RPC glue, and {@link simlab.rsm.Rsm} does the rest.
 *
 * <p><b>How a command flows</b> (all on the node's one event thread, nothing blocks):
 *
 * <ol>
 *   <li>An RPC handler calls {@link simlab.rsm.Rsm#submit}{@code (command)}; the RSM calls {@code
 *       Raft.start}. Not leader: the returned future is already {@link
 *       simlab.rsm.RsmErr#WRONG_LEADER}. Leader: {@code Waiters} parks the future at the (index,
 *       term) Raft returned.
 *   <li>Raft replicates and commits the entry and delivers it, in log order, through its apply
 *       channel (the {@code Consumer<ApplyMsg>} the RSM gave {@code RaftFactory.make}) as an {@code
 *       ApplyMsg.Command}: on every replica, leader or not.
 *   <li>The apply loop skips indices it already has, checks there is no gap, and runs the command
 *       through the {@link simlab.rsm.DuplicateTable} (a write already applied for its (clientId,
 *       seq) is answered from the table) or {@link simlab.rsm.StateMachine#doOp}.
 *   <li>The waiter at that index, if any, completes: {@link simlab.rsm.RsmErr#OK} with the result
 *       when the entry's term is the one Raft gave the submit, else WRONG_LEADER. Leader loss, a
 *       newer term, a snapshot covering the index or the node's shutdown also end the wait with
 *       WRONG_LEADER; {@link simlab.rsm.Rsm#COMMIT_TIMEOUT} ends it with TIMEOUT. The handler turns
 *       the outcome into its RPC reply.
 *   <li>After a burst of applied entries, if the persisted Raft state has reached {@code
 *       maxRaftState}, the RSM encodes (last applied index, duplicate table, {@code
 *       StateMachine.snapshot()}) and calls {@code Raft.snapshot}. A restarted node restores that
 *       snapshot before building Raft; a lagging one receives the leader's through the apply
 *       channel as an {@code ApplyMsg.Snapshot} and restores it there.
 * </ol>
 *
 * <p>Services only use {@code simlab.raft}'s service interface ({@code Raft}, {@code RaftFactory},
 * {@code ApplyMsg}), so any Raft that passes lab 3 runs under them.
 */
package simlab.rsm;
