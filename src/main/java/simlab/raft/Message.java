package simlab.raft;

/**
 * What {@link RaftCore#step(Message)}, the core's single entry point for the network, accepts: a
 * request from a peer, or the {@link Response} to one this peer sent. Every message carries its
 * sender's term, which {@code step} compares with the peer's own before any handler runs (Figure 2,
 * "Rules for All Servers").
 */
sealed interface Message permits RequestVote, AppendEntries, InstallSnapshot, PreVote, Response {
  /** The sender's term; {@link Response#NO_TERM} when no reply came, which is never higher. */
  int term();
}
