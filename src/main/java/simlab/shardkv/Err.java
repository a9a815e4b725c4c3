package simlab.shardkv;

/** Replies of shard group servers (6.5840 shardkv's Err strings). */
public enum Err {
  OK,
  /** Get of a key that does not exist; the clerk returns "". */
  NO_KEY,
  /** This group does not serve the key's shard right now; the clerk re-reads the config. */
  WRONG_GROUP,
  /** Not the leader, or lost leadership before the operation committed; try another server. */
  WRONG_LEADER,
  /** Migration: the asked group has not reached the configuration yet; retry later. */
  NOT_READY
}
