package simlab.kv;

import simlab.sim.Rpc;

/** A clerk's request to a server. */
public record KvRequest(Command command) implements Rpc<KvReply> {}
