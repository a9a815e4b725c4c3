package simlab.kvraft1;

import simlab.raft.Raft;
import simlab.sim.Killable;

/**
 * One replica as the tester sees it: its Raft peer (to find the leader, as 6.5840's {@code
 * rsm.Leader} does) and {@link #kill()} for shutdowns.
 */
public interface KvRaft1Server extends Killable {
  Raft raft();
}
