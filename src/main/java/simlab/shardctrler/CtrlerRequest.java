package simlab.shardctrler;

import simlab.rsm.ClientOp;
import simlab.sim.Rpc;

/**
 * One controller RPC. 6.5840 has four RPCs (Join/Leave/Move/Query); one request type with the
 * operation inside keeps the server's glue to a single handler and the dedup rule in one place.
 * {@code (clientId, seq)} gives at-most-once execution of retried requests.
 */
public record CtrlerRequest(long clientId, long seq, CtrlerOp op)
    implements Rpc<CtrlerReply>, ClientOp {
  /** A Query changes nothing: it is applied again when retried, and its answer is not kept. */
  @Override
  public boolean readOnly() {
    return op instanceof CtrlerOp.Query;
  }
}
