package simlab.grading;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * A "student" Raft whose timer throws 100 ms into the run: the tests check that grade, replay and
 * the failure message show this class's frames first.
 */
public final class ThrowingRaftFactory implements RaftFactory {
  @Override
  public Raft make(NodeContext ctx, List<String> peers, int me, Consumer<ApplyMsg> applyCh) {
    return new Broken(ctx);
  }

  /** Schedules one tick that fails. */
  static final class Broken implements Raft {
    Broken(NodeContext ctx) {
      ctx.schedule(Duration.ofMillis(100), this::tick);
    }

    void tick() {
      countVotes(new int[0]);
    }

    private static int countVotes(int[] votes) {
      return votes[0]; // the student's bug: an ArrayIndexOutOfBoundsException on line 32
    }

    @Override
    public StartResult start(Object command) {
      return new StartResult(-1, 0, false);
    }

    @Override
    public RaftState getState() {
      return new RaftState(0, false);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {}

    @Override
    public int persistedSize() {
      return 0;
    }

    @Override
    public void kill() {}
  }
}
