package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simlab.raft.CoreSteps.done;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ReadIndex (Raft thesis §6.4) in the pure core, driven by hand: a read is answered only after a
 * majority answered a leadership probe sent after the read arrived, with the commit index from when
 * it arrived; a leader that a newer term has deposed never answers one.
 */
class ReadIndexTest {
  /** Peer 0 of 3 with ReadIndex on, leader of term 2 with entry 1 ("x") committed by peer 1. */
  private static RaftCore leaderWithCommittedEntry() {
    RaftCore c =
        new RaftCore(0, 3, new PersistentState(1, -1, 0, 0, List.of()), new byte[0], false, true);
    Ready campaign = done(c, c.electionTimeout());
    RequestVote rv = (RequestVote) campaign.messages().get(0).message();
    Ready won =
        done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    assertTrue(c.isLeader());
    for (Ready.Send s : won.messages()) {
      AppendEntries hb = (AppendEntries) s.message();
      done(c, c.step(new Response(s.peer(), hb, Optional.of(ok(c)))));
    }
    done(c, c.propose("x"));
    Ready sent = done(c, c.replicate());
    AppendEntries toOne = sentTo(sent, 1);
    assertEquals(1, toOne.entries().size());
    done(c, c.step(new Response(1, toOne, Optional.of(ok(c)))));
    assertEquals(1, c.commitIndex);
    return c;
  }

  private static AppendEntriesReply ok(RaftCore c) {
    return new AppendEntriesReply(c.term, true, AppendEntriesReply.NO_TERM, 0);
  }

  private static AppendEntries sentTo(Ready r, int peer) {
    return (AppendEntries)
        r.messages().stream().filter(s -> s.peer() == peer).findFirst().orElseThrow().message();
  }

  /**
   * The probe a replication pass sent to {@code peer}: its last message there (the pass first
   * replicates, then probes), an empty AppendEntries.
   */
  private static AppendEntries probeTo(Ready r, int peer) {
    AppendEntries last = null;
    for (Ready.Send s : r.messages()) {
      if (s.peer() == peer) {
        last = (AppendEntries) s.message();
      }
    }
    assertTrue(last != null && last.entries().isEmpty(), "no probe to " + peer + " in " + r);
    return last;
  }

  @Test
  void aReadIsAnsweredAfterAMajorityAnswersAProbeSentAfterIt() {
    RaftCore c = leaderWithCommittedEntry();
    Ready asked = done(c, c.readIndex(7));
    assertTrue(asked.replicate(), "the read asks for the pass that sends its probes");
    assertTrue(c.takeReadResults().isEmpty(), "not confirmed before any probe is answered");
    Ready pass = done(c, c.replicate());
    assertTrue(asked.persist() == null && pass.persist() == null, "a read writes nothing");
    probeTo(pass, 1);
    AppendEntries toTwo = probeTo(pass, 2);
    done(c, c.step(new Response(2, toTwo, Optional.of(ok(c)))));
    assertEquals(List.of(new RaftCore.ReadResult(7, 1)), c.takeReadResults());
  }

  @Test
  void aProbeSentBeforeAReadArrivedDoesNotConfirmIt() {
    RaftCore c = leaderWithCommittedEntry();
    done(c, c.readIndex(1));
    AppendEntries firstRound = probeTo(done(c, c.replicate()), 1);
    done(c, c.readIndex(2)); // arrives while the first round's probes are out
    done(c, c.step(new Response(1, firstRound, Optional.of(ok(c)))));
    assertEquals(
        List.of(new RaftCore.ReadResult(1, 1)),
        c.takeReadResults(),
        "the first round confirms only the read that came before it");
    AppendEntries secondRound = probeTo(done(c, c.replicate()), 2);
    done(c, c.step(new Response(2, secondRound, Optional.of(ok(c)))));
    assertEquals(List.of(new RaftCore.ReadResult(2, 1)), c.takeReadResults());
  }

  @Test
  void aDeposedLeaderNeverAnswersARead() {
    // A partition: peer 2 does not answer, and peer 1 has voted in term 3 for a new leader, which
    // may already have committed writes this leader never saw.
    RaftCore c = leaderWithCommittedEntry();
    done(c, c.readIndex(9));
    Ready pass = done(c, c.replicate());
    done(c, c.step(new Response(2, probeTo(pass, 2), Optional.empty())));
    assertTrue(c.takeReadResults().isEmpty(), "a lost probe confirms nothing");
    done(
        c,
        c.step(
            new Response(
                1, sentTo(pass, 1), Optional.of(new AppendEntriesReply(c.term + 1, false, 0, 0)))));
    assertFalse(c.isLeader());
    assertEquals(
        List.of(new RaftCore.ReadResult(9, -1)),
        c.takeReadResults(),
        "stepping down refuses the waiting read");
    done(c, c.readIndex(10));
    assertEquals(
        List.of(new RaftCore.ReadResult(10, -1)), c.takeReadResults(), "and a follower refuses");
  }

  @Test
  void aLeaderCutOffFromTheMajorityRefusesAfterTheExpiry() {
    RaftCore c = leaderWithCommittedEntry();
    done(c, c.readIndex(3));
    done(c, c.replicate()); // probes that are never answered
    for (int t = 1; t < Leader.READ_EXPIRY_TICKS; t++) {
      done(c, c.heartbeatTimeout());
      assertTrue(c.takeReadResults().isEmpty(), "still waiting after " + t + " ticks");
    }
    done(c, c.heartbeatTimeout());
    assertEquals(List.of(new RaftCore.ReadResult(3, -1)), c.takeReadResults());
  }

  @Test
  void aNewLeaderRefusesUntilAnEntryOfItsTermIsCommitted() {
    RaftCore c =
        new RaftCore(0, 3, new PersistentState(1, -1, 0, 0, List.of()), new byte[0], false, true);
    Ready campaign = done(c, c.electionTimeout());
    RequestVote rv = (RequestVote) campaign.messages().get(0).message();
    done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    assertTrue(c.isLeader());
    done(c, c.readIndex(4));
    assertEquals(
        List.of(new RaftCore.ReadResult(4, -1)),
        c.takeReadResults(),
        "its commit index may lag writes of earlier terms: the read goes through the log");
  }

  @Test
  void withReadIndexOffEveryReadIsRefusedAndNoProbeIsSent() {
    RaftCore c = new RaftCore(0, 1, new PersistentState(1, -1, 0, 0, List.of()), new byte[0]);
    done(c, c.electionTimeout());
    done(c, c.propose("x"));
    assertEquals(1, c.commitIndex);
    Ready asked = done(c, c.readIndex(5));
    assertFalse(asked.replicate());
    assertEquals(List.of(new RaftCore.ReadResult(5, -1)), c.takeReadResults());
  }
}
