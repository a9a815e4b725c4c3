package simlab.raft;

import java.util.Optional;
import simlab.sim.Rpc;

/**
 * The outcome of a request this peer sent to {@code peer}: the reply, or empty when none came
 * (lost, dropped, dead or cut-off peer: labrpc's {@code ok == false}). It carries the request so
 * the core can tell a reply to its current probe from a stale one.
 */
record Response(int peer, Rpc<?> request, Optional<? extends Reply> reply) implements Message {
  /** The term of a missing reply: lower than every real term, so it never moves the peer's. */
  static final int NO_TERM = 0;

  @Override
  public int term() {
    return reply.isPresent() ? reply.get().term() : NO_TERM;
  }
}
