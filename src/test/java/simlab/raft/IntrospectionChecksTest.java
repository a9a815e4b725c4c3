package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The defaults of {@link RaftIntrospection}, which a student implementation gets when it exposes
 * only the required view: the invariant monitor turns its one-vote-per-term and acknowledged-entry
 * checks off exactly when it reads the two sentinels, and the run report's lanes show leader or
 * follower.
 */
class IntrospectionChecksTest {
  /** The required part of the view only, with a settable leadership. */
  private static final class Minimal implements RaftIntrospection {
    boolean leader;

    @Override
    public int currentTerm() {
      return 3;
    }

    @Override
    public boolean isLeader() {
      return leader;
    }

    @Override
    public int commitIndex() {
      return 0;
    }

    @Override
    public int snapshotIndex() {
      return 0;
    }

    @Override
    public int lastIndex() {
      return 0;
    }

    @Override
    public int termAt(int index) {
      return 0;
    }

    @Override
    public Object commandAt(int index) {
      throw new IndexOutOfBoundsException(index);
    }
  }

  @Test
  void theDefaultRoleIsLeaderOrFollower() {
    Minimal m = new Minimal();
    assertEquals("follower", m.role());
    m.leader = true;
    assertEquals("leader", m.role());
  }

  @Test
  void anUnexposedVoteAndAcknowledgementReadAsTheirSentinels() {
    Minimal m = new Minimal();
    assertEquals(RaftIntrospection.VOTE_NOT_EXPOSED, m.votedFor());
    assertEquals(RaftIntrospection.ACK_NOT_EXPOSED, m.acknowledgedIndex());
    assertEquals(Integer.MIN_VALUE, RaftIntrospection.VOTE_NOT_EXPOSED, "never a peer index or -1");
    assertEquals(Integer.MIN_VALUE, RaftIntrospection.ACK_NOT_EXPOSED, "never a log index");
  }
}
