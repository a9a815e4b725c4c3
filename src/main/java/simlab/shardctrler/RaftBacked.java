package simlab.shardctrler;

import simlab.raft.Raft;

/**
 * Optional: a server built on Raft can expose its peer so the harness can find the leader (6.5840
 * {@code cfg.Leader()}). Implementations that do not offer it are still graded; the one check that
 * needs it then falls back to asking the service.
 */
public interface RaftBacked {
  Raft raftPeer();
}
