/**
 * The KV service on a real network: {@link simlab.netkv.KvNode} (one server: the reference KV
 * service and Raft on a {@link simlab.net.NetRuntime} with a {@link simlab.net.FilePersister}),
 * {@link simlab.netkv.NodeConfig} (one properties file per node), {@link simlab.netkv.NetClerk} and
 * {@link simlab.netkv.KvClient} (the client), {@link simlab.netkv.HistoryLog} (wall-clock histories
 * the linearizability checker reads) and the {@code simlab server} / {@code simlab client}
 * commands.
 */
package simlab.netkv;
