package simlab.kv;

import simlab.rsm.ClientOp;

/**
 * One client request as it travels to a server and through the Raft log. The pair (clientId, seq)
 * names the request across retries, so a retried write that is already in the log (or already
 * applied) is recognised and not applied twice.
 *
 * @param value the string to put or append; "" for GET and DELETE
 */
public record Command(Op op, String key, String value, long clientId, long seq)
    implements ClientOp {
  public Command {
    if (op == null || key == null || value == null) {
      throw new IllegalArgumentException("op, key and value must not be null");
    }
  }

  @Override
  public boolean readOnly() {
    return !op.isWrite();
  }
}
