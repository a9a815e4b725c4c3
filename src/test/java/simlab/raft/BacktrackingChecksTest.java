package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simlab.raft.CoreSteps.done;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The leader's side of accelerated log backtracking (6.5840's conflictTerm/conflictIndex hints),
 * checked directly on {@link RaftCore}. Added for mutants PIT found surviving the graded 3A–3D
 * suites and the explorer: a leader that backs up one entry per round trip still converges, so only
 * the time TestBackup3B allows could notice, and it allows plenty. Here each hint must move
 * nextIndex exactly where the rule says, and a stale reply must not move it at all.
 */
class BacktrackingChecksTest {
  /** Peer 0 of 3 with a log of the given terms, elected leader of the next term by peer 2. */
  private static RaftCore leader(int... logTerms) {
    List<LogEntry> entries = new ArrayList<>();
    int last = 0;
    for (int i = 0; i < logTerms.length; i++) {
      entries.add(new LogEntry(logTerms[i], "c" + (i + 1)));
      last = logTerms[i];
    }
    RaftCore c = new RaftCore(0, 3, new PersistentState(last, -1, 0, 0, entries), new byte[0]);
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    done(c, c.step(new Response(2, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    assertTrue(c.isLeader());
    return c;
  }

  /** The AppendEntries peer 1 gets from the heartbeat that follows. */
  private static AppendEntries probe(RaftCore c) {
    Ready r = done(c, c.heartbeatTimeout());
    return (AppendEntries)
        r.messages().stream().filter(s -> s.peer() == 1).findFirst().orElseThrow().message();
  }

  private static void reply(RaftCore c, AppendEntries ae, boolean ok, int cTerm, int cIndex) {
    done(
        c,
        c.step(
            new Response(
                1, ae, Optional.of(new AppendEntriesReply(ae.term(), ok, cTerm, cIndex)))));
  }

  @Test
  void aShortFollowerLogSendsTheLeaderToItsEnd() {
    RaftCore c = leader(1, 1, 1, 2, 2, 2);
    AppendEntries first = probe(c);
    assertEquals(6, first.prevLogIndex());
    reply(c, first, false, AppendEntriesReply.NO_TERM, 3); // the follower holds 2 entries
    AppendEntries next = probe(c);
    assertEquals(2, next.prevLogIndex(), "one round trip to the follower's end");
    assertEquals(1, next.prevLogTerm());
    assertEquals(4, next.entries().size(), "everything after it, in one message");
  }

  @Test
  void aConflictTermTheLeaderLacksSkipsTheFollowersWholeTerm() {
    RaftCore c = leader(1, 1, 1, 3, 3);
    AppendEntries first = probe(c);
    assertEquals(5, first.prevLogIndex());
    reply(c, first, false, 2, 4); // the follower's index 5 is of term 2, which starts at 4
    assertEquals(3, probe(c).prevLogIndex(), "the follower's whole term 2 is skipped");
  }

  @Test
  void aConflictTermTheLeaderHasResumesAfterItsLastEntryOfThatTerm() {
    RaftCore c = leader(1, 1, 2, 2, 3, 3);
    AppendEntries first = probe(c);
    reply(c, first, false, 2, 3); // the follower has term 2 from index 3 on, also at index 6
    AppendEntries next = probe(c);
    assertEquals(4, next.prevLogIndex(), "right after the leader's last entry of term 2");
    assertEquals(2, next.prevLogTerm());
  }

  @Test
  void aHintBeyondTheLeadersLogIsCappedAtItsEnd() {
    RaftCore c = leader(1, 1, 1);
    AppendEntries first = probe(c);
    reply(c, first, false, AppendEntriesReply.NO_TERM, 9);
    assertEquals(3, probe(c).prevLogIndex(), "nextIndex never passes the leader's last + 1");
  }

  @Test
  void aStaleRefusalDoesNotUndoProgress() {
    RaftCore c = leader(1, 1, 1, 2, 2, 2);
    AppendEntries first = probe(c);
    reply(c, first, false, AppendEntriesReply.NO_TERM, 3);
    AppendEntries second = probe(c);
    reply(c, second, true, AppendEntriesReply.NO_TERM, 0); // matched through 6
    assertEquals(6, c.leader.matchIndex(1));
    reply(c, first, false, AppendEntriesReply.NO_TERM, 1); // the first probe, answered again
    assertEquals(6, probe(c).prevLogIndex(), "a stale refusal moved nextIndex back");
    AppendEntries older = new AppendEntries(first.term(), 0, 2, 1, ImmutableList.of(), 0);
    reply(c, older, true, AppendEntriesReply.NO_TERM, 0); // a stale success matches less
    assertEquals(6, c.leader.matchIndex(1), "a stale success moved matchIndex back");
  }

  @Test
  void aFollowerReportsTheFirstIndexOfItsConflictingTerm() {
    List<LogEntry> entries = new ArrayList<>();
    for (int t : new int[] {1, 1, 2, 2, 2}) {
      entries.add(new LogEntry(t, "x"));
    }
    RaftCore f = new RaftCore(1, 3, new PersistentState(4, -1, 0, 0, entries), new byte[0]);
    AppendEntriesReply r =
        (AppendEntriesReply)
            done(f, f.step(new AppendEntries(4, 0, 5, 3, ImmutableList.of(), 0))).reply();
    assertEquals(new AppendEntriesReply(4, false, 2, 3), r);
    AppendEntriesReply shortLog =
        (AppendEntriesReply)
            done(f, f.step(new AppendEntries(4, 0, 8, 4, ImmutableList.of(), 0))).reply();
    assertEquals(new AppendEntriesReply(4, false, AppendEntriesReply.NO_TERM, 6), shortLog);
  }
}
