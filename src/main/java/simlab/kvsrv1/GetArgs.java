package simlab.kvsrv1;

import simlab.sim.Rpc;

/** Get(key): idempotent, so it carries nothing to deduplicate on. */
public record GetArgs(String key) implements Rpc<GetReply> {}
