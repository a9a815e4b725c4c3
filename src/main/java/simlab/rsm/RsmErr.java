package simlab.rsm;

/** How a {@link Rsm#submit} ended (6.5840 2025's {@code rpc.Err} from {@code Submit}). */
public enum RsmErr {
  /** The command was applied at the index this replica gave it; the result is doOp's. */
  OK,
  /**
   * This replica is not the leader, or stopped being it before the command was applied (term
   * change, leadership lost, another command at the index, a snapshot covering the index, the
   * replica shut down). The command may or may not be in the log: retry elsewhere; the duplicate
   * table keeps a retried write at-most-once.
   */
  WRONG_LEADER,
  /**
   * The command was not applied within {@link Rsm#COMMIT_TIMEOUT} though this replica still
   * believes it leads (for example it is cut off in a minority). Same advice as {@link
   * #WRONG_LEADER}.
   */
  TIMEOUT
}
