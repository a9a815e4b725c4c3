package simlab.harness;

import simlab.raft.RaftFactory;

/** The Raft under test: -Dsim.raft (or -Dsim.impl), else the reference. */
public final class RaftImplementation {
  private RaftImplementation() {
  }

  public static RaftFactory load() {
    RaftFactory reference;
    try {
      reference = (RaftFactory) Class.forName("simlab.raft.ReferenceRaftFactory").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      reference = null;
    }
    RaftFactory chosen = Implementations.load(RaftFactory.class, "sim.raft", reference);
    if (chosen == null) {
      throw new IllegalStateException("no Raft implementation: simlab.raft.ReferenceRaftFactory is not on the "
          + "classpath and -Dsim.raft is not set");
    }
    return chosen;
  }
}
