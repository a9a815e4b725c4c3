package simlab.kvsrv;

import simlab.sim.Rpc;

/** Get is idempotent, so it carries no client id: retrying it is always safe. */
public record GetArgs(String key) implements Rpc<GetReply> {}
