package simlab.rsm;

import simlab.raft.Raft;
import simlab.sim.Killable;
import simlab.sim.SimFuture;

/**
 * What a 6.5840 2025 service sees of its RSM ({@code rsm.RSM}): {@code Submit}, {@code Raft()} and
 * shutdown. {@link RsmFactory} builds one; the reference is {@link Rsm}.
 */
public interface ReplicatedStateMachine extends Killable {
  /**
   * 6.5840's {@code Submit(req) (rpc.Err, any)}: completes with {@link RsmErr#OK} and doOp's result
   * once {@code request} is applied at this replica, or with an error once this replica learns it
   * is not (or no longer) the leader of the term it submitted in, or shuts down.
   */
  SimFuture<Submitted> submit(Object request);

  /** The Raft peer underneath (for the tester's leader and log-size checks). */
  Raft raft();
}
