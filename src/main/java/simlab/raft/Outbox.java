package simlab.raft;

import java.util.ArrayList;
import java.util.List;
import simlab.sim.Rpc;

/**
 * What one step of the core asks its driver to do, etcd-Ready style: persist, send,
 * restart the election timer, schedule a replication flush. The core never does I/O.
 */
final class Outbox {
  /** A message for the peer at {@code peer} (an index into the peer list). */
  record Send(int peer, Rpc<?> message) {
  }

  final List<Send> sends = new ArrayList<>();
  boolean persist;
  boolean resetElectionTimer;
  boolean flush;

  void send(int peer, Rpc<?> message) {
    sends.add(new Send(peer, message));
  }

  List<Send> takeSends() {
    List<Send> out = List.copyOf(sends);
    sends.clear();
    return out;
  }
}
