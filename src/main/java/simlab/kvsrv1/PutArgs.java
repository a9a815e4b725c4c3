package simlab.kvsrv1;

import simlab.sim.Rpc;

/**
 * Put(key, value, version): applied only if the key is at {@code version}. The version makes the
 * Put conditional, so a server needs no duplicate table: a resent copy of an applied Put finds the
 * version moved on and gets ErrVersion.
 */
public record PutArgs(String key, String value, long version) implements Rpc<PutReply> {}
