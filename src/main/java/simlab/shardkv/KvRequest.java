package simlab.shardkv;

import simlab.sim.Rpc;

/**
 * A client operation; also the Raft log entry for it. {@code (clientId, seq)} makes a retried
 * Put/Append/Delete apply at most once, even across a shard migration, because the dedup table
 * travels with the shard.
 *
 * @param value the value to put or append; "" for Get and Delete
 */
public record KvRequest(long clientId, long seq, KvOpType op, String key, String value)
    implements Rpc<KvReply> {}
