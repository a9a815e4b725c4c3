package simlab.netkv;

/** No server answered an operation as leader within the client's timeout. */
public final class NoLeaderException extends RuntimeException {
  public NoLeaderException(String message) {
    super(message);
  }
}
