package simlab.sim;

import java.util.Arrays;

/**
 * In-memory durable storage for one server: Raft state and the service snapshot, saved together
 * atomically. Every read and write copies, so no caller can change what is stored by mutating an
 * array afterwards.
 *
 * <p>Crash semantics follow 6.5840: on a crash the harness keeps a {@link #copy()} for the next
 * incarnation, so a zombie instance that still holds the old object can never change what the
 * restarted server reads.
 */
public final class Persister implements Storage {
  private static final byte[] EMPTY = new byte[0];

  private byte[] raftState = EMPTY;
  private byte[] snapshot = EMPTY;

  @Override
  public void save(byte[] raftState, byte[] snapshot) {
    this.raftState = raftState == null ? EMPTY : raftState.clone();
    this.snapshot = snapshot == null ? EMPTY : snapshot.clone();
  }

  @Override
  public byte[] readRaftState() {
    return raftState.clone();
  }

  @Override
  public byte[] readSnapshot() {
    return snapshot.clone();
  }

  @Override
  public int raftStateSize() {
    return raftState.length;
  }

  @Override
  public int snapshotSize() {
    return snapshot.length;
  }

  /** A new persister holding the same contents; later saves to either do not affect the other. */
  public Persister copy() {
    Persister p = new Persister();
    p.raftState = raftState;
    p.snapshot = snapshot;
    return p;
  }

  @Override
  public String toString() {
    return "Persister[raft="
        + raftState.length
        + "B, snapshot="
        + snapshot.length
        + "B, hash="
        + Integer.toHexString(Arrays.hashCode(raftState) * 31 + Arrays.hashCode(snapshot))
        + "]";
  }
}
