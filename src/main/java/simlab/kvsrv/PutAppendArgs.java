package simlab.kvsrv;

import simlab.sim.Rpc;

/**
 * A Put or an Append, named by (clientId, seq) so that a retry of a request the server has already
 * executed is answered from the server's memory instead of being executed again.
 */
public record PutAppendArgs(String key, String value, boolean append, long clientId, long seq)
    implements Rpc<PutAppendReply> {}
