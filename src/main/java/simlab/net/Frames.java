package simlab.net;

/**
 * The frames nodes exchange. Every frame is a 4-byte big-endian length, then one kind byte, an
 * 8-byte call id, and (for a request or a reply) one value in {@link WireCodec}. A reply travels
 * back on the connection its request came in on, so ids only need to be unique per caller.
 */
final class Frames {
  /** A request; the body is the {@link simlab.sim.Rpc} record. */
  static final int REQUEST = 1;

  /** The answer to the request with the same call id. */
  static final int REPLY = 2;

  /**
   * The server tells the caller "no reply" at once (a handler's {@code fail()}, no handler, a dead
   * node).
   */
  static final int NO_REPLY = 3;

  /** Largest frame accepted: a snapshot of a large store travels in one InstallSnapshot. */
  static final int MAX_FRAME = 256 * 1024 * 1024;

  static final int HEADER = 4 + 1 + 8;

  private Frames() {}

  /** One decoded frame. */
  record Frame(int kind, long callId, Object body) {}
}
