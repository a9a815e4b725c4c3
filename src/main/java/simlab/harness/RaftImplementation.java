package simlab.harness;

import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;

/**
 * The Raft under the KV service: -Dsim.raft (or a RaftFactory given as -Dsim.impl), else the
 * reference.
 */
public final class RaftImplementation {
  private RaftImplementation() {}

  public static RaftFactory load() {
    return Implementations.load(RaftFactory.class, "sim.raft", new ReferenceRaftFactory());
  }
}
