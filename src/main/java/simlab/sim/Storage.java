package simlab.sim;

/**
 * A node's durable storage as protocol code sees it through {@link NodeContext#persister()}: Raft
 * state and the service snapshot, saved together atomically (6.5840's Persister API).
 *
 * <p>The simulator's {@link Persister} keeps both in memory and survives simulated crashes by being
 * copied; the real-network runtime ({@code simlab.net.FilePersister}) writes them to the node's
 * data directory and survives kill -9. Reads return copies, so no caller can change what is stored
 * by mutating an array afterwards.
 */
public interface Storage {
  /** Replaces both parts at once: after a crash a reader sees both new parts or both old ones. */
  void save(byte[] raftState, byte[] snapshot);

  byte[] readRaftState();

  byte[] readSnapshot();

  int raftStateSize();

  int snapshotSize();
}
