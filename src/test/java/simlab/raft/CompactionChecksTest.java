package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static simlab.raft.CoreSteps.done;
import static simlab.raft.CoreSteps.log;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Log compaction at its edges (3D), checked directly on {@link RaftCore}: the service's snapshot at
 * exactly the current snapshot index, a follower whose next entry is exactly the leader's snapshot
 * index, and AppendEntries that reach at or below a follower's snapshot. Added for mutants PIT
 * found surviving the graded 3A–3D suites and the explorer, whose snapshots land on those exact
 * indexes only by chance.
 */
class CompactionChecksTest {
  /** Peer 1 of 3, follower of term 1, holding and having applied the given entries. */
  private static RaftCore appliedFollower(int n) {
    int[] terms = new int[n];
    Arrays.fill(terms, 1);
    RaftCore c = new RaftCore(1, 3, new PersistentState(1, -1, 0, 0, log(terms)), new byte[0]);
    done(c, c.step(new AppendEntries(1, 0, n, 1, ImmutableList.of(), n)));
    done(c, c.readyToApply());
    assertEquals(n, c.lastApplied);
    return c;
  }

  @Test
  void aServiceSnapshotAtTheCurrentSnapshotIndexIsIgnored() {
    RaftCore c = appliedFollower(4);
    done(c, c.compact(2, new byte[] {1}));
    assertEquals(2, c.log.snapshotIndex());
    Ready again = done(c, c.compact(2, new byte[] {9}));
    assertNull(again.persist(), "a stale snapshot must not replace the saved one");
    assertArrayEquals(new byte[] {1}, c.snapshot);
    Ready last = done(c, c.compact(4, new byte[] {4}));
    assertEquals(4, last.persist().snapshotIndex(), "a snapshot of every applied entry is taken");
  }

  @Test
  void aFollowerWhoseNextEntryIsTheSnapshotsLastGetsTheSnapshot() {
    RaftCore c = new RaftCore(0, 3, new PersistentState(2, -1, 3, 1, log(2)), new byte[] {7});
    RequestVote rv = (RequestVote) done(c, c.electionTimeout()).messages().get(0).message();
    done(c, c.step(new Response(2, rv, Optional.of(new RequestVoteReply(rv.term(), true)))));
    AppendEntries hb =
        (AppendEntries)
            done(c, c.heartbeatTimeout()).messages().stream()
                .filter(s -> s.peer() == 1)
                .findFirst()
                .orElseThrow()
                .message();
    // Peer 1 holds entries 1-2 only: entry 3, compacted away here, is the first it needs.
    done(
        c,
        c.step(
            new Response(
                1,
                hb,
                Optional.of(
                    new AppendEntriesReply(c.term, false, AppendEntriesReply.NO_TERM, 3)))));
    Ready pass = done(c, c.replicate());
    InstallSnapshot is = assertInstanceOf(InstallSnapshot.class, pass.messages().get(0).message());
    assertEquals(3, is.lastIncludedIndex());
    assertEquals(1, is.lastIncludedTerm());
    assertArrayEquals(new byte[] {7}, is.data());
  }

  @Test
  void aDelayedAppendReachingBelowTheSnapshotKeepsWhatFollowsIt() {
    RaftCore c = new RaftCore(1, 3, new PersistentState(1, -1, 4, 1, log(1)), new byte[] {5});
    Ready r =
        done(c, c.step(new AppendEntries(1, 0, 1, 1, ImmutableList.copyOf(log(1, 1, 1, 1)), 5)));
    AppendEntriesReply reply = (AppendEntriesReply) r.reply();
    assertTrue(reply.success(), "entries 2-4 are in the snapshot, 5 matches");
    assertEquals(4, c.log.snapshotIndex());
    assertEquals(5, c.log.lastIndex());
    assertEquals(5, c.commitIndex);
    assertNull(r.persist(), "nothing new: entry 5 was already held");
  }

  @Test
  void aRepeatedAppendChangesNothing() {
    RaftCore c = new RaftCore(1, 3, new PersistentState(1, -1, 0, 0, List.of()), new byte[0]);
    AppendEntries ae = new AppendEntries(1, 0, 0, 0, ImmutableList.copyOf(log(1, 1)), 0);
    done(c, c.step(ae));
    Ready again = done(c, c.step(ae));
    assertEquals(2, c.log.lastIndex(), "a duplicate delivery appended its entries twice");
    assertNull(again.persist());
  }
}
