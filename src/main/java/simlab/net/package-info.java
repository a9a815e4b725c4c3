/**
 * simlab on a real network: {@link simlab.net.NetRuntime} implements {@link simlab.sim.NodeContext}
 * on TCP sockets and the wall clock (one Netty event loop per node, so a node runs one event at a
 * time as in the simulator), {@link simlab.net.WireCodec} carries the same immutable message
 * records in a compact binary form, and {@link simlab.net.FilePersister} keeps Raft state and
 * snapshots in the node's data directory, replaced atomically. The protocols (Raft, the RSM, the KV
 * service) run unchanged on it; {@code simlab.netkv} builds the KV server, the client and the
 * configuration files on top.
 */
package simlab.net;
