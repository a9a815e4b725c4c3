package simlab.kvsrv1;

/**
 * The error replies of the 2025 labs (6.5840's {@code rpc.Err}), shared by kvsrv1, kvraft1 and
 * shardkv1. The constant names are 6.5840's, so a handout, a failure message and the Go original
 * read the same.
 */
public enum Err {
  OK,
  /** Get of a missing key; Put with a version other than 0 of a missing key. */
  ErrNoKey,
  /** Put whose version is not the key's current version: nothing changed. */
  ErrVersion,
  /**
   * Only a clerk answers this, never a server: a Put was resent, and the resend got ErrVersion, so
   * the clerk cannot tell whether an earlier copy was applied.
   */
  ErrMaybe,
  /** Replicated services: this server is not the leader. */
  ErrWrongLeader,
  /** Sharded service: this group does not serve the key's shard (now). */
  ErrWrongGroup
}
