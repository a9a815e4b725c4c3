package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simlab.raft.CoreSteps.done;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pure core, driven by hand: no simulator, no timers. Each step's Ready is checked, then
 * advanced.
 */
class RaftCoreTest {
  private static RaftCore follower(int me, int term, int... logTerms) {
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 0; i < logTerms.length; i++) {
      entries.add(new LogEntry(logTerms[i], "c" + (i + 1)));
    }
    return new RaftCore(me, 3, new PersistentState(term, -1, 0, 0, entries), new byte[0]);
  }

  /**
   * Peer 0 of 3, elected leader of term {@code term + 1} with peer 1's vote; its heartbeats are
   * returned.
   */
  private static Ready elect(RaftCore c) {
    Ready campaign = done(c, c.electionTimeout());
    RequestVote rv = (RequestVote) campaign.messages().get(0).message();
    Ready won =
        done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    assertTrue(c.isLeader());
    return won;
  }

  /** What a driver does after carrying a Ready out: acknowledge it. */
  private static <R> R ask(RaftCore c, Message request, Class<R> replyType) {
    return replyType.cast(done(c, c.step(request)).reply());
  }

  private static ImmutableList<LogEntry> entries(int... terms) {
    ImmutableList.Builder<LogEntry> b = ImmutableList.builder();
    for (int t : terms) {
      b.add(new LogEntry(t, "t" + t));
    }
    return b.build();
  }

  private static AppendEntries sentTo(Ready r, int peer) {
    return (AppendEntries)
        r.messages().stream().filter(s -> s.peer() == peer).findFirst().orElseThrow().message();
  }

  // ---- the Ready contract ------------------------------------------------------------------

  @Test
  void aStepThatChangesTheTermPersistsTheStateItsMessagesAnnounce() {
    RaftCore c = follower(0, 1, 1);
    Ready r = done(c, c.electionTimeout());
    assertNotNull(
        r.persist(), "a new term and a self-vote must be saved before the RequestVotes leave");
    assertEquals(2, r.persist().term());
    assertEquals(0, r.persist().votedFor());
    assertEquals(2, r.messages().size());
    for (Ready.Send s : r.messages()) {
      assertEquals(
          r.persist().term(),
          ((RequestVote) s.message()).term(),
          "no message announces an unsaved term");
    }
    assertEquals(Ready.Timers.ELECTION_RESTART, r.timers());

    Ready answer = done(c, c.step(new RequestVote(7, 2, 1, 1)));
    assertNotNull(answer.persist(), "a higher term in a request is saved before the reply");
    assertEquals(7, answer.persist().term());
    assertEquals(2, answer.persist().votedFor(), "and the vote granted in it");
    RequestVoteReply reply = (RequestVoteReply) answer.reply();
    assertEquals(answer.persist().term(), reply.term());
    assertTrue(reply.voteGranted());
  }

  @Test
  void stepsWithNothingToDoYieldEmptyReadys() {
    RaftCore c = follower(0, 3, 1);
    assertTrue(done(c, c.heartbeatTimeout()).isEmpty(), "a follower's stray heartbeat timer");
    assertTrue(done(c, c.replicate()).isEmpty(), "replication on a follower");
    assertTrue(done(c, c.readyToApply()).isEmpty(), "nothing committed");
    assertTrue(done(c, c.compact(1, new byte[] {1})).isEmpty(), "a snapshot of an unapplied index");
    AppendEntries old = new AppendEntries(3, 0, 0, 0, entries(3), 0);
    Ready stale =
        done(c, c.step(new Response(1, old, Optional.of(new AppendEntriesReply(3, true, 0, 0)))));
    assertTrue(stale.isEmpty(), "a follower ignores responses to requests of a role it left");
    assertEquals(Ready.Timers.ELECTION, stale.timers(), "and keeps its election timer as it is");
    assertTrue(done(c, c.step(new Response(1, old, Optional.empty()))).isEmpty());
  }

  @Test
  void aRequestThatChangesNothingAnswersWithoutPersisting() {
    RaftCore c = follower(0, 5, 1);
    Ready r = done(c, c.step(new RequestVote(4, 1, 9, 9)));
    assertNull(r.persist());
    assertTrue(r.messages().isEmpty());
    assertFalse(((RequestVoteReply) r.reply()).voteGranted());
    assertFalse(r.isEmpty(), "the reply is something to do");
  }

  @Test
  void theCoreTakesNoStepWhileAReadyIsOutstanding() {
    RaftCore c = follower(0, 1);
    Ready r = c.electionTimeout();
    assertThrows(IllegalStateException.class, c::heartbeatTimeout, "a step before advance");
    RaftCore other = follower(0, 1);
    Ready foreign = done(other, other.replicate());
    assertThrows(
        IllegalStateException.class,
        () -> c.advance(foreign),
        "advancing a Ready this core did not hand out");
    c.advance(r);
    assertThrows(IllegalStateException.class, () -> c.advance(r), "advancing twice");
    assertTrue(done(c, c.heartbeatTimeout()).messages().isEmpty());
  }

  @Test
  void persistCarriesOnlyTheLogChangeSinceTheLastAdvancedOne() {
    RaftCore c = follower(0, 1);
    Ready first = done(c, c.step(new AppendEntries(1, 1, 0, 0, entries(1, 1), 0)));
    assertEquals(1, first.persist().firstChanged());
    assertEquals(2, first.persist().changed().size());
    assertNull(
        done(c, c.step(new AppendEntries(1, 1, 2, 1, entries(), 0))).persist(),
        "a heartbeat changes nothing");
    Ready third = done(c, c.step(new AppendEntries(1, 1, 2, 1, entries(1), 0)));
    assertEquals(3, third.persist().firstChanged());
    assertEquals(3, third.persist().lastIndex());
    assertEquals(1, third.persist().changed().size(), "only the new entry is handed over");
  }

  /**
   * The term check happens once, in step, before any handler: a leader hearing a higher term from
   * any of the six message kinds is a follower of that term (vote cleared, saved) by the time the
   * message is handled, so no leader handler runs.
   */
  @Test
  void aHigherTermTurnsALeaderIntoAFollowerBeforeAnyHandlerForEveryMessageKind() {
    List<Message> kinds =
        List.of(
            new RequestVote(9, 2, 1, 2),
            new AppendEntries(9, 2, 0, 0, entries(), 0),
            new InstallSnapshot(9, 2, 0, 0, new byte[0]),
            new Response(
                1, new RequestVote(2, 0, 0, 0), Optional.of(new RequestVoteReply(9, false))),
            // a success for the leader's own entry: had a leader handler run, index 1 would commit
            new Response(
                1,
                new AppendEntries(2, 0, 0, 0, entries(2), 0),
                Optional.of(new AppendEntriesReply(9, true, 0, 0))),
            new Response(
                1,
                new InstallSnapshot(2, 0, 1, 2, new byte[0]),
                Optional.of(new InstallSnapshotReply(9))));
    for (Message m : kinds) {
      RaftCore c = follower(0, 1);
      elect(c); // term 2, voted for itself
      done(c, c.propose("x")); // index 1, term 2, on no follower yet
      Ready r = done(c, c.step(m));
      String what = m.getClass().getSimpleName();
      assertEquals(RaftCore.Role.FOLLOWER, c.role, what);
      assertEquals(9, c.term, what);
      assertNotNull(r.persist(), what + ": the new term is saved");
      assertEquals(9, r.persist().term(), what);
      assertTrue(r.messages().isEmpty(), what + ": a follower sends nothing");
      assertFalse(r.replicate(), what + ": no leader handler ran");
      assertEquals(0, c.commitIndex, what + ": the reply did not count as a leader's replica");
      assertTrue(r.timers() != Ready.Timers.HEARTBEAT, what + ": heartbeats stop");
      if (m instanceof RequestVote) {
        assertTrue(
            ((RequestVoteReply) r.reply()).voteGranted(),
            "the ex-leader's own vote of term 2 was cleared before the vote was judged in term 9");
        assertEquals(2, c.votedFor);
      } else {
        assertEquals(-1, c.votedFor, what);
      }
      if (m instanceof AppendEntries) {
        assertTrue(
            ((AppendEntriesReply) r.reply()).success(),
            "the AppendEntries is handled as a follower of term 9");
      }
    }
  }

  @Test
  void aLeaderOfTheSameTermEndsACandidacy() {
    RaftCore c = follower(0, 1);
    done(c, c.electionTimeout());
    assertEquals(RaftCore.Role.CANDIDATE, c.role);
    Ready r = done(c, c.step(new AppendEntries(2, 1, 0, 0, entries(), 0)));
    assertEquals(RaftCore.Role.FOLLOWER, c.role);
    assertEquals(Ready.Timers.ELECTION_RESTART, r.timers());
    assertNull(r.persist(), "same term, same vote: nothing new to save");
  }

  // ---- votes ---------------------------------------------------------------------------

  @Test
  void grantsOneVotePerTerm() {
    RaftCore c = follower(0, 1);
    Ready r = done(c, c.step(new RequestVote(2, 1, 0, 0)));
    assertTrue(((RequestVoteReply) r.reply()).voteGranted());
    assertNotNull(r.persist(), "a vote is persisted before the reply");
    assertEquals(1, c.votedFor);
    assertTrue(
        ask(c, new RequestVote(2, 1, 0, 0), RequestVoteReply.class).voteGranted(),
        "a repeated request is re-granted");
    assertFalse(
        ask(c, new RequestVote(2, 2, 0, 0), RequestVoteReply.class).voteGranted(),
        "second candidate, same term");
    assertTrue(
        ask(c, new RequestVote(3, 2, 0, 0), RequestVoteReply.class).voteGranted(),
        "new term, new vote");
  }

  @Test
  void refusesCandidatesWithStaleLogsOrTerms() {
    RaftCore c = follower(0, 3, 1, 3);
    RequestVoteReply r = ask(c, new RequestVote(4, 1, 5, 2), RequestVoteReply.class);
    assertFalse(r.voteGranted(), "lower last term");
    assertEquals(4, r.term(), "but the higher term is adopted");
    assertFalse(
        ask(c, new RequestVote(5, 1, 1, 3), RequestVoteReply.class).voteGranted(),
        "same last term, shorter");
    assertFalse(
        ask(c, new RequestVote(2, 2, 9, 9), RequestVoteReply.class).voteGranted(), "stale term");
    assertTrue(ask(c, new RequestVote(6, 2, 2, 3), RequestVoteReply.class).voteGranted());
  }

  @Test
  void candidateWinsWithMajorityAndSendsHeartbeats() {
    RaftCore c = follower(0, 1);
    Ready campaign = done(c, c.electionTimeout());
    assertEquals(RaftCore.Role.CANDIDATE, c.role);
    assertEquals(2, c.term);
    assertEquals(0, c.votedFor);
    assertEquals(2, campaign.messages().size());
    RequestVote rv = (RequestVote) campaign.messages().get(0).message();
    Ready won = done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(2, true)))));
    assertTrue(c.isLeader());
    assertEquals(Ready.Timers.HEARTBEAT, won.timers());
    assertEquals(2, won.messages().size());
    assertInstanceOf(AppendEntries.class, won.messages().get(0).message());
  }

  @Test
  void votesFromAnOlderElectionDoNotCount() {
    RaftCore c = follower(0, 1);
    RequestVote first = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    done(c, c.electionTimeout()); // the first election timed out: term 3
    done(c, c.step(new Response(1, first, Optional.of(new RequestVoteReply(2, true)))));
    assertEquals(RaftCore.Role.CANDIDATE, c.role);
  }

  @Test
  void candidateStepsDownOnHigherTermReply() {
    RaftCore c = follower(0, 1);
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    Ready r = done(c, c.step(new Response(1, rv, Optional.of(new RequestVoteReply(7, false)))));
    assertEquals(RaftCore.Role.FOLLOWER, c.role);
    assertEquals(7, c.term);
    assertEquals(-1, c.votedFor);
    assertEquals(7, r.persist().term());
  }

  // ---- AppendEntries -------------------------------------------------------------------

  @Test
  void rejectsStaleLeader() {
    RaftCore c = follower(0, 5, 1);
    Ready r = done(c, c.step(new AppendEntries(4, 1, 1, 1, entries(4), 1)));
    AppendEntriesReply reply = (AppendEntriesReply) r.reply();
    assertFalse(reply.success());
    assertEquals(5, reply.term());
    assertEquals(1, c.log.lastIndex());
    assertEquals(Ready.Timers.ELECTION, r.timers(), "a stale leader does not hold off elections");
  }

  @Test
  void tooShortLogHintsItsLength() {
    RaftCore c = follower(0, 1, 1, 1);
    AppendEntriesReply r =
        ask(c, new AppendEntries(2, 1, 5, 2, entries(2), 0), AppendEntriesReply.class);
    assertFalse(r.success());
    assertEquals(AppendEntriesReply.NO_TERM, r.conflictTerm());
    assertEquals(3, r.conflictIndex());
  }

  @Test
  void termMismatchHintsFirstIndexOfConflictingTerm() {
    RaftCore c = follower(0, 3, 1, 2, 2, 2);
    AppendEntriesReply r =
        ask(c, new AppendEntries(3, 1, 4, 3, entries(3), 0), AppendEntriesReply.class);
    assertFalse(r.success());
    assertEquals(2, r.conflictTerm());
    assertEquals(2, r.conflictIndex());
  }

  @Test
  void appendsTruncatesConflictsAndAdvancesCommit() {
    RaftCore c = follower(0, 1, 1, 1, 1);
    Ready r = done(c, c.step(new AppendEntries(2, 1, 1, 1, entries(2, 2), 9)));
    assertTrue(((AppendEntriesReply) r.reply()).success());
    assertEquals(3, c.log.lastIndex(), "index 2 conflicted: suffix replaced");
    assertEquals(2, c.log.term(3));
    assertEquals(3, c.commitIndex, "commit is capped at the last new entry");
    assertNotNull(r.persist());
    assertEquals(3, r.persist().lastIndex());
    assertEquals(
        1, r.persist().firstChanged(), "the first save of an incarnation writes the whole log");
    assertTrue(r.applyPending());
  }

  @Test
  void delayedShorterAppendDoesNotTruncate() {
    RaftCore c = follower(0, 2);
    assertTrue(
        ask(c, new AppendEntries(2, 1, 0, 0, entries(2, 2, 2), 0), AppendEntriesReply.class)
            .success());
    Ready r = done(c, c.step(new AppendEntries(2, 1, 0, 0, entries(2), 0)));
    assertTrue(((AppendEntriesReply) r.reply()).success());
    assertNull(r.persist(), "nothing changed");
    assertEquals(3, c.log.lastIndex());
  }

  @Test
  void leaderBacksUpWithConflictTermAndCommitsOnlyCurrentTerm() {
    RaftCore c = follower(0, 1, 1, 1);
    Ready heartbeats = elect(c); // term 2
    AppendEntries probe = sentTo(heartbeats, 1);
    assertEquals(2, probe.prevLogIndex());
    // The follower says: my log is too short, I have one entry.
    Ready r =
        done(
            c,
            c.step(
                new Response(
                    1,
                    probe,
                    Optional.of(new AppendEntriesReply(2, false, AppendEntriesReply.NO_TERM, 2)))));
    assertTrue(r.replicate(), "the follower has news: a replication pass is asked for");
    AppendEntries retry = sentTo(done(c, c.replicate()), 1);
    assertEquals(1, retry.prevLogIndex());
    done(c, c.step(new Response(1, retry, Optional.of(new AppendEntriesReply(2, true, 0, 0)))));
    assertEquals(0, c.commitIndex, "term-1 entries are not committed by counting replicas");
    Ready proposed = done(c, c.propose("new"));
    assertEquals(3, ((Raft.StartResult) proposed.reply()).index());
    assertNotNull(proposed.persist(), "the new entry is saved before it is sent");
    assertTrue(proposed.replicate());
    AppendEntries withNew = sentTo(done(c, c.replicate()), 1);
    Ready acked =
        done(
            c,
            c.step(new Response(1, withNew, Optional.of(new AppendEntriesReply(2, true, 0, 0)))));
    assertEquals(3, c.commitIndex, "a current-term entry commits, and with it the older ones");
    assertTrue(acked.applyPending());
  }

  @Test
  void aLostReplyFreesTheFollowerForTheNextHeartbeatOnly() {
    RaftCore c = follower(0, 1);
    Ready heartbeats = elect(c);
    done(c, c.propose("x"));
    assertTrue(
        done(c, c.replicate()).messages().isEmpty(),
        "peers 1 and 2 still have a heartbeat in flight");
    assertTrue(
        done(c, c.step(new Response(1, sentTo(heartbeats, 1), Optional.empty())))
            .messages()
            .isEmpty());
    assertEquals(
        1,
        sentTo(done(c, c.replicate()), 1).entries().size(),
        "peer 1 is free again and gets the entry");
  }

  // ---- apply and snapshots ---------------------------------------------------------------

  @Test
  void appliesInOrderThenNothing() {
    RaftCore c = follower(0, 1);
    done(c, c.step(new AppendEntries(1, 1, 0, 0, entries(1, 1), 2)));
    Ready r = c.readyToApply();
    assertEquals(Ready.Timers.UNCHANGED, r.timers());
    assertNull(r.persist());
    assertTrue(r.messages().isEmpty());
    assertEquals(2, r.toApply().size());
    assertEquals(1, ((ApplyMsg.Command) r.toApply().get(0)).index());
    assertEquals(2, ((ApplyMsg.Command) r.toApply().get(1)).index());
    c.advance(r);
    assertEquals(2, c.lastApplied, "advance moves the apply cursor");
    assertTrue(done(c, c.readyToApply()).toApply().isEmpty());
  }

  @Test
  void handingOutIsNotApplyingUntilAdvance() {
    RaftCore c = follower(0, 1);
    done(c, c.step(new AppendEntries(1, 1, 0, 0, entries(1), 1)));
    Ready r = c.readyToApply();
    assertEquals(0, c.lastApplied, "handing out is not applying");
    c.advance(r);
    assertEquals(1, c.lastApplied);
  }

  @Test
  void installSnapshotKeepsMatchingSuffixAndIsDeliveredFirst() {
    RaftCore c = follower(0, 1);
    done(c, c.step(new AppendEntries(1, 1, 0, 0, entries(1, 1, 1, 1), 0)));
    Ready r = done(c, c.step(new InstallSnapshot(1, 1, 2, 1, new byte[] {9})));
    assertNotNull(r.persist());
    assertEquals(2, r.persist().snapshotIndex());
    assertEquals(9, r.persist().snapshot()[0]);
    assertEquals(2, c.log.snapshotIndex());
    assertEquals(4, c.log.lastIndex(), "entries after a matching snapshot end are kept");
    List<ApplyMsg> out = done(c, c.readyToApply()).toApply();
    assertEquals(1, out.size(), "3 and 4 are not committed yet");
    assertEquals(2, ((ApplyMsg.Snapshot) out.get(0)).index());
  }

  @Test
  void installSnapshotDiscardsConflictingLogAndIgnoresOldSnapshots() {
    RaftCore c = follower(0, 3, 1, 1, 2);
    done(c, c.step(new InstallSnapshot(3, 1, 3, 3, new byte[] {1})));
    assertEquals(3, c.log.lastIndex());
    assertEquals(3, c.log.lastTerm());
    assertEquals(3, c.commitIndex);
    Ready old = done(c, c.step(new InstallSnapshot(3, 1, 2, 1, new byte[] {2})));
    assertEquals(3, c.log.snapshotIndex(), "an older snapshot changes nothing");
    assertNull(old.persist());
  }

  @Test
  void serviceSnapshotCompactsOnlyAppliedEntries() {
    RaftCore c = follower(0, 1);
    done(c, c.step(new AppendEntries(1, 1, 0, 0, entries(1, 1, 1), 2)));
    assertNull(done(c, c.compact(2, new byte[] {1})).persist(), "index 2 is not applied yet");
    assertEquals(0, c.log.snapshotIndex());
    done(c, c.readyToApply());
    Ready r = done(c, c.compact(2, new byte[] {1}));
    assertEquals(2, c.log.snapshotIndex());
    assertNotNull(r.persist());
    assertEquals(2, r.persist().snapshotIndex());
    assertEquals(3, c.log.lastIndex());
  }
}
