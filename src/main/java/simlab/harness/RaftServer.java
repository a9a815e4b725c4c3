package simlab.harness;

import java.util.ArrayList;
import java.util.List;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.sim.Killable;

/**
 * One Raft server node of a {@link RaftCluster}: the Raft instance of one incarnation and its apply
 * channel, which feeds the cluster's applier. After a crash the old instance is a zombie: whatever
 * it still delivers is ignored, as 6.5840 ignores a killed server.
 */
public final class RaftServer implements Killable {
  /** Receives what a live server applies. */
  interface Applier {
    void apply(int server, RaftServer from, ApplyMsg msg);
  }

  private final int index;
  private final Applier applier;
  private Raft raft;
  private boolean killed;
  // Messages delivered while the factory is still inside make(): in 6.5840 they would
  // block on applyCh until the applier goroutine starts, i.e. after Make returns.
  private List<ApplyMsg> early = new ArrayList<>();

  RaftServer(int index, Applier applier) {
    this.index = index;
    this.applier = applier;
  }

  /** The apply channel handed to the Raft factory. */
  void deliver(ApplyMsg msg) {
    if (killed) {
      return;
    }
    if (early != null) {
      early.add(msg);
      return;
    }
    applier.apply(index, this, msg);
  }

  void attach(Raft raft) {
    if (raft == null) {
      throw new IllegalStateException("the Raft factory returned null for server " + index);
    }
    this.raft = raft;
    List<ApplyMsg> pending = early;
    early = null;
    for (ApplyMsg m : pending) {
      deliver(m);
    }
  }

  /** The Raft instance (null only while its factory is still running). */
  public Raft raft() {
    return raft;
  }

  public int index() {
    return index;
  }

  @Override
  public void kill() {
    killed = true;
    if (raft != null) {
      raft.kill();
    }
  }
}
