package simlab.shardctrler;

/**
 * @param wrongLeader the server is not the leader, lost leadership before the operation committed,
 *     or timed out waiting; the clerk tries another server
 * @param config the configuration a Query read (null for the other operations)
 */
public record CtrlerReply(boolean wrongLeader, Config config) {
  public static CtrlerReply wrong() {
    return new CtrlerReply(true, null);
  }
}
