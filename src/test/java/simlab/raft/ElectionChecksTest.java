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
 * Vote counting and the term rules of replies, checked directly on {@link RaftCore}. Added for
 * mutants PIT found surviving the graded 3A–3D suites and the explorer: those only run clusters of
 * 3, 5 and 7 peers, where "more than half" and "at least half" agree, and no scenario looks at what
 * a follower answers to a request from a stale term.
 */
class ElectionChecksTest {
  private static RaftCore peer(int me, int size, boolean preVote) {
    return new RaftCore(
        me, size, new PersistentState(1, -1, 0, 0, List.of()), new byte[0], preVote);
  }

  private static Ready grant(RaftCore c, int voter, RequestVote rv) {
    return done(
        c, c.step(new Response(voter, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
  }

  @Test
  void anEvenClusterNeedsMoreThanHalfOfTheVotes() {
    RaftCore c = peer(0, 4, false);
    Ready campaign = done(c, c.electionTimeout());
    RequestVote rv = (RequestVote) campaign.messages().get(0).message();
    assertEquals(3, campaign.messages().size());
    grant(c, 1, rv);
    assertFalse(c.isLeader(), "2 votes of 4 are not a majority: two leaders could share a term");
    grant(c, 1, rv);
    assertFalse(c.isLeader(), "the same voter counted twice");
    grant(c, 2, rv);
    assertTrue(c.isLeader(), "3 votes of 4 are a majority");
  }

  @Test
  void anEvenClusterCommitsOnlyOnMoreThanHalf() {
    RaftCore c = peer(0, 4, false);
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    grant(c, 1, rv);
    grant(c, 2, rv);
    assertTrue(c.isLeader());
    done(c, c.propose("x"));
    AppendEntries ae =
        new AppendEntries(c.term, 0, 0, 0, c.log.slice(1, Leader.MAX_BATCH), c.commitIndex);
    done(c, c.step(new Response(1, ae, Optional.of(new AppendEntriesReply(c.term, true, 0, 0)))));
    assertEquals(0, c.commitIndex, "an entry on 2 of 4 peers is not committed");
    done(c, c.step(new Response(2, ae, Optional.of(new AppendEntriesReply(c.term, true, 0, 0)))));
    assertEquals(1, c.commitIndex, "an entry on 3 of 4 peers is committed");
  }

  @Test
  void aVoteForAnEarlierCampaignDoesNotCount() {
    RaftCore c = peer(0, 5, false);
    RequestVote first = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    done(c, c.electionTimeout()); // split vote: a new campaign in the next term
    grant(c, 1, first);
    grant(c, 2, first);
    assertFalse(c.isLeader(), "votes of term " + first.term() + " won term " + c.term);
  }

  @Test
  void aSinglePeerClusterElectsItselfAtOnce() {
    for (boolean preVote : new boolean[] {false, true}) {
      RaftCore c = peer(0, 1, preVote);
      Ready r = done(c, c.electionTimeout());
      assertTrue(c.isLeader(), "a cluster of one is its own majority (preVote " + preVote + ")");
      assertEquals(2, c.term);
      assertTrue(r.messages().isEmpty(), "nobody else to ask");
      done(c, c.propose("x"));
      assertEquals(1, c.commitIndex, "its own copy commits an entry (preVote " + preVote + ")");
    }
  }

  @Test
  void aRequestFromAStaleTermIsAnsweredWithTheCurrentTerm() {
    RaftCore c = peer(1, 3, false);
    done(c, c.step(new RequestVote(5, 2, 0, 0)));
    AppendEntriesReply ae =
        (AppendEntriesReply)
            done(c, c.step(new AppendEntries(4, 0, 0, 0, ImmutableList.of(), 0))).reply();
    assertEquals(5, ae.term(), "a deposed leader learns the newer term from the reply");
    assertFalse(ae.success());
    RequestVoteReply rv = (RequestVoteReply) done(c, c.step(new RequestVote(4, 0, 9, 9))).reply();
    assertEquals(5, rv.term());
    assertFalse(rv.voteGranted(), "a vote in a stale term");
  }

  @Test
  void aRepeatedRequestFromTheCandidateVotedForIsGrantedAgain() {
    RaftCore c = peer(1, 3, false);
    RequestVote rv = new RequestVote(2, 2, 0, 0);
    assertTrue(((RequestVoteReply) done(c, c.step(rv)).reply()).voteGranted());
    Ready again = done(c, c.step(rv));
    assertTrue(
        ((RequestVoteReply) again.reply()).voteGranted(),
        "Figure 2: votedFor is candidateId: the first reply may have been lost");
    assertEquals(Ready.Timers.ELECTION_RESTART, again.timers());
    assertFalse(
        ((RequestVoteReply) done(c, c.step(new RequestVote(2, 0, 0, 0))).reply()).voteGranted(),
        "but nobody else in that term");
  }

  @Test
  void aLeaderIgnoresAStrayElectionTimeout() {
    for (boolean preVote : new boolean[] {false, true}) {
      RaftCore c = peer(0, 3, preVote);
      Ready first = done(c, c.electionTimeout());
      if (preVote) {
        PreVote pv = (PreVote) first.messages().get(0).message();
        first =
            done(
                c, c.step(new Response(1, pv, Optional.of(new PreVoteReply(pv.term() - 1, true)))));
      }
      RequestVote rv = (RequestVote) first.messages().get(0).message();
      grant(c, 1, rv);
      assertTrue(c.isLeader());
      int term = c.term;
      // A driver's timer event that raced the election: it must not depose a working leader.
      Ready r = done(c, c.electionTimeout());
      assertTrue(c.isLeader(), "preVote " + preVote);
      assertEquals(term, c.term, "preVote " + preVote);
      assertTrue(r.messages().isEmpty(), "no RequestVote or PreVote from a leader");
      assertEquals(Ready.Timers.HEARTBEAT, r.timers());
    }
  }

  @Test
  void theRoleIsReportedInLowerCase() {
    assertEquals("follower", RaftCore.Role.FOLLOWER.label());
    assertEquals("candidate", RaftCore.Role.CANDIDATE.label());
    assertEquals("leader", RaftCore.Role.LEADER.label());
  }
}
