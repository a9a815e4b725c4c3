package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simlab.raft.CoreSteps.done;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Figure 2, "Rules for Servers": if an RPC response contains term T > currentTerm, set currentTerm
 * = T and convert to follower. A {@link Response} carries that term to the core; a missing reply (a
 * lost request) has none and must move nothing.
 */
class ResponseChecksTest {
  private static RaftCore peer() {
    return new RaftCore(0, 3, new PersistentState(1, -1, 0, 0, List.of()), new byte[0], false);
  }

  @Test
  void aMissingReplyHasNoTermAndMovesNothing() {
    RaftCore c = peer();
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    Response lost = new Response(1, rv, Optional.empty());
    assertEquals(Response.NO_TERM, lost.term());
    done(c, c.step(lost));
    assertEquals(2, c.term);
    assertEquals("candidate", c.role.label());
  }

  @Test
  void aVoteReplyOfANewerTermTurnsACandidateIntoAFollowerOfThatTerm() {
    RaftCore c = peer();
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    Response newer = new Response(1, rv, Optional.of(new RequestVoteReply(9, false)));
    assertEquals(9, newer.term());
    done(c, c.step(newer));
    assertEquals(9, c.term);
    assertEquals("follower", c.role.label());
    assertEquals(-1, c.votedFor, "no vote yet in the new term");
  }

  @Test
  void anAppendReplyOfANewerTermDeposesALeader() {
    RaftCore c = peer();
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    assertTrue(c.isLeader());
    AppendEntries ae = new AppendEntries(c.term, 0, 0, 0, ImmutableList.of(), 0);
    done(c, c.step(new Response(2, ae, Optional.of(new AppendEntriesReply(7, false, 0, 0)))));
    assertFalse(c.isLeader(), "a leader that hears of a newer term must step down");
    assertEquals(7, c.term);
  }
}
