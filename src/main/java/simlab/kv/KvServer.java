package simlab.kv;

import simlab.raft.Raft;
import simlab.sim.Killable;

/**
 * One replica of the key/value service: a node hosting a Raft peer and the state machine on top of
 * it. The harness only needs the Raft peer (to find the leader, as 6.5840's {@code cfg.Leader()}
 * does) and {@link #kill()} for crashes.
 */
public interface KvServer extends Killable {
  Raft raft();
}
