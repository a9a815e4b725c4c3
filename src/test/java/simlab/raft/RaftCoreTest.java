package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure core, driven by hand: no simulator, no timers. */
class RaftCoreTest {
  private static RaftCore follower(int me, int term, int... logTerms) {
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 0; i < logTerms.length; i++) {
      entries.add(new LogEntry(logTerms[i], "c" + (i + 1)));
    }
    return new RaftCore(me, 3, new PersistentState(term, -1, 0, 0, entries), new byte[0]);
  }

  private static ImmutableList<LogEntry> entries(int... terms) {
    ImmutableList.Builder<LogEntry> b = ImmutableList.builder();
    for (int t : terms) {
      b.add(new LogEntry(t, "t" + t));
    }
    return b.build();
  }

  // ---- votes ---------------------------------------------------------------------------

  @Test
  void grantsOneVotePerTerm() {
    RaftCore c = follower(0, 1);
    assertTrue(c.handleRequestVote(new RequestVote(2, 1, 0, 0)).voteGranted());
    assertTrue(c.out.persist, "a vote is persisted before the reply");
    assertEquals(1, c.votedFor);
    assertTrue(c.handleRequestVote(new RequestVote(2, 1, 0, 0)).voteGranted(), "a repeated request is re-granted");
    assertFalse(c.handleRequestVote(new RequestVote(2, 2, 0, 0)).voteGranted(), "second candidate, same term");
    assertTrue(c.handleRequestVote(new RequestVote(3, 2, 0, 0)).voteGranted(), "new term, new vote");
  }

  @Test
  void refusesCandidatesWithStaleLogsOrTerms() {
    RaftCore c = follower(0, 3, 1, 3);
    RequestVoteReply r = c.handleRequestVote(new RequestVote(4, 1, 5, 2));
    assertFalse(r.voteGranted(), "lower last term");
    assertEquals(4, r.term(), "but the higher term is adopted");
    assertFalse(c.handleRequestVote(new RequestVote(5, 1, 1, 3)).voteGranted(), "same last term, shorter");
    assertFalse(c.handleRequestVote(new RequestVote(2, 2, 9, 9)).voteGranted(), "stale term");
    assertTrue(c.handleRequestVote(new RequestVote(6, 2, 2, 3)).voteGranted());
  }

  @Test
  void candidateWinsWithMajorityAndSendsHeartbeats() {
    RaftCore c = follower(0, 1);
    c.electionTimeout();
    assertEquals(RaftCore.Role.CANDIDATE, c.role);
    assertEquals(2, c.term);
    assertEquals(0, c.votedFor);
    List<Outbox.Send> sends = c.out.takeSends();
    assertEquals(2, sends.size());
    RequestVote rv = (RequestVote) sends.get(0).message();
    c.handleRequestVoteReply(1, rv, Optional.of(new RequestVoteReply(2, true)));
    assertTrue(c.isLeader());
    List<Outbox.Send> beats = c.out.takeSends();
    assertEquals(2, beats.size());
    assertInstanceOf(AppendEntries.class, beats.get(0).message());
  }

  @Test
  void candidateStepsDownOnHigherTermReply() {
    RaftCore c = follower(0, 1);
    c.electionTimeout();
    RequestVote rv = (RequestVote) c.out.takeSends().get(0).message();
    c.handleRequestVoteReply(1, rv, Optional.of(new RequestVoteReply(7, false)));
    assertEquals(RaftCore.Role.FOLLOWER, c.role);
    assertEquals(7, c.term);
    assertEquals(-1, c.votedFor);
  }

  // ---- AppendEntries -------------------------------------------------------------------

  @Test
  void rejectsStaleLeader() {
    RaftCore c = follower(0, 5, 1);
    AppendEntriesReply r = c.handleAppendEntries(new AppendEntries(4, 1, 1, 1, entries(4), 1));
    assertFalse(r.success());
    assertEquals(5, r.term());
    assertEquals(1, c.log.lastIndex());
  }

  @Test
  void tooShortLogHintsItsLength() {
    RaftCore c = follower(0, 1, 1, 1);
    AppendEntriesReply r = c.handleAppendEntries(new AppendEntries(2, 1, 5, 2, entries(2), 0));
    assertFalse(r.success());
    assertEquals(AppendEntriesReply.NO_TERM, r.conflictTerm());
    assertEquals(3, r.conflictIndex());
  }

  @Test
  void termMismatchHintsFirstIndexOfConflictingTerm() {
    RaftCore c = follower(0, 3, 1, 2, 2, 2);
    AppendEntriesReply r = c.handleAppendEntries(new AppendEntries(3, 1, 4, 3, entries(3), 0));
    assertFalse(r.success());
    assertEquals(2, r.conflictTerm());
    assertEquals(2, r.conflictIndex());
  }

  @Test
  void appendsTruncatesConflictsAndAdvancesCommit() {
    RaftCore c = follower(0, 1, 1, 1, 1);
    AppendEntriesReply r = c.handleAppendEntries(new AppendEntries(2, 1, 1, 1, entries(2, 2), 9));
    assertTrue(r.success());
    assertEquals(3, c.log.lastIndex(), "index 2 conflicted: suffix replaced");
    assertEquals(2, c.log.term(3));
    assertEquals(3, c.commitIndex, "commit is capped at the last new entry");
    assertTrue(c.out.persist);
  }

  @Test
  void delayedShorterAppendDoesNotTruncate() {
    RaftCore c = follower(0, 2);
    assertTrue(c.handleAppendEntries(new AppendEntries(2, 1, 0, 0, entries(2, 2, 2), 0)).success());
    assertTrue(c.handleAppendEntries(new AppendEntries(2, 1, 0, 0, entries(2), 0)).success());
    assertEquals(3, c.log.lastIndex());
  }

  @Test
  void leaderBacksUpWithConflictTermAndCommitsOnlyCurrentTerm() {
    RaftCore c = follower(0, 1, 1, 1);
    c.electionTimeout(); // term 2
    RequestVote rv = (RequestVote) c.out.takeSends().get(0).message();
    c.handleRequestVoteReply(1, rv, Optional.of(new RequestVoteReply(2, true)));
    AppendEntries probe = (AppendEntries) c.out.takeSends().get(0).message();
    assertEquals(2, probe.prevLogIndex());
    // The follower says: my log is too short, I have one entry.
    c.handleAppendEntriesReply(1, probe, Optional.of(new AppendEntriesReply(2, false, AppendEntriesReply.NO_TERM, 2)));
    assertTrue(c.out.flush);
    c.out.flush = false;
    c.flush();
    AppendEntries retry = (AppendEntries) c.out.takeSends().stream()
        .filter(s -> s.peer() == 1).findFirst().orElseThrow().message();
    assertEquals(1, retry.prevLogIndex());
    c.handleAppendEntriesReply(1, retry, Optional.of(new AppendEntriesReply(2, true, 0, 0)));
    assertEquals(0, c.commitIndex, "term-1 entries are not committed by counting replicas");
    int idx = c.propose("new").index();
    assertEquals(3, idx);
    c.flush();
    AppendEntries withNew = (AppendEntries) c.out.takeSends().stream()
        .filter(s -> s.peer() == 1).findFirst().orElseThrow().message();
    c.handleAppendEntriesReply(1, withNew, Optional.of(new AppendEntriesReply(2, true, 0, 0)));
    assertEquals(3, c.commitIndex, "a current-term entry commits, and with it the older ones");
  }

  // ---- apply and snapshots ---------------------------------------------------------------

  @Test
  void appliesInOrderThenNothing() {
    RaftCore c = follower(0, 1);
    c.handleAppendEntries(new AppendEntries(1, 1, 0, 0, entries(1, 1), 2));
    ApplyMsg.Command a = (ApplyMsg.Command) c.nextApply();
    ApplyMsg.Command b = (ApplyMsg.Command) c.nextApply();
    assertEquals(1, a.index());
    assertEquals(2, b.index());
    assertNull(c.nextApply());
  }

  @Test
  void installSnapshotKeepsMatchingSuffixAndIsDeliveredFirst() {
    RaftCore c = follower(0, 1);
    c.handleAppendEntries(new AppendEntries(1, 1, 0, 0, entries(1, 1, 1, 1), 0));
    c.handleInstallSnapshot(new InstallSnapshot(1, 1, 2, 1, new byte[] {9}));
    assertEquals(2, c.log.snapshotIndex());
    assertEquals(4, c.log.lastIndex(), "entries after a matching snapshot end are kept");
    ApplyMsg.Snapshot s = (ApplyMsg.Snapshot) c.nextApply();
    assertEquals(2, s.index());
    assertNull(c.nextApply(), "3 and 4 are not committed yet");
  }

  @Test
  void installSnapshotDiscardsConflictingLogAndIgnoresOldSnapshots() {
    RaftCore c = follower(0, 3, 1, 1, 2);
    c.handleInstallSnapshot(new InstallSnapshot(3, 1, 3, 3, new byte[] {1}));
    assertEquals(3, c.log.lastIndex());
    assertEquals(3, c.log.lastTerm());
    assertEquals(3, c.commitIndex);
    c.handleInstallSnapshot(new InstallSnapshot(3, 1, 2, 1, new byte[] {2}));
    assertEquals(3, c.log.snapshotIndex(), "an older snapshot changes nothing");
  }

  @Test
  void serviceSnapshotCompactsOnlyAppliedEntries() {
    RaftCore c = follower(0, 1);
    c.handleAppendEntries(new AppendEntries(1, 1, 0, 0, entries(1, 1, 1), 2));
    c.nextApply();
    c.compact(2, new byte[] {1});
    assertEquals(0, c.log.snapshotIndex(), "index 2 is not applied yet");
    c.nextApply();
    c.out.persist = false;
    c.compact(2, new byte[] {1});
    assertEquals(2, c.log.snapshotIndex());
    assertTrue(c.out.persist);
    assertEquals(3, c.log.lastIndex());
  }
}
