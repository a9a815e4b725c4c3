package simlab.raft;

/** What Raft delivers to its service, in log order: a committed command or a snapshot. */
public sealed interface ApplyMsg {

  /** The command at {@code index} (from {@code term}) is committed and must be applied. */
  record Command(int index, int term, Object command) implements ApplyMsg {}

  /**
   * The service must replace its state with {@code snapshot}, which covers every command up to
   * {@code index}. The next command delivered after it has index {@code index + 1}.
   */
  record Snapshot(int index, int term, byte[] snapshot) implements ApplyMsg {}
}
