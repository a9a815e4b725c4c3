package simlab.net;

/**
 * A failure of the real-network runtime with a message meant for the user (one line, no stack
 * trace).
 */
public final class NetException extends RuntimeException {
  public NetException(String message) {
    super(message);
  }
}
