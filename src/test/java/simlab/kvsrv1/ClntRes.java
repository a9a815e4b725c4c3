package simlab.kvsrv1;

/**
 * What one client loop counted (6.5840's {@code kvtest.ClntRes}): Puts answered OK, and Puts
 * answered ErrMaybe.
 */
public record ClntRes(int nOk, int nMaybe) {
  public static final ClntRes ZERO = new ClntRes(0, 0);

  public ClntRes plus(ClntRes o) {
    return new ClntRes(nOk + o.nOk, nMaybe + o.nMaybe);
  }
}
