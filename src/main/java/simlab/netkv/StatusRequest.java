package simlab.netkv;

import simlab.sim.Rpc;

/**
 * Asks a server for its Raft role (used by {@code simlab client status} and the cluster script).
 */
public record StatusRequest() implements Rpc<NodeStatus> {}
