package simlab.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import simlab.raft.ApplyMsg;
import simlab.raft.ForwardingRaft;
import simlab.raft.Raft;
import simlab.raft.RaftIntrospection;
import simlab.sim.Simulation;
import simlab.sim.SimulationFailure;

/** Feeds the monitor deliberately broken Raft states and checks that each invariant fires. */
class RaftInvariantMonitorTest {
  private static final long SEED = 42;

  /** A Raft whose whole state the test sets by hand. Log index 0 is a term-0 sentinel. */
  static final class FakeRaft implements Raft, RaftIntrospection {
    int term;
    boolean leader;
    int commitIndex;
    int snapshotIndex;
    int votedFor = -1;
    int acknowledged = RaftIntrospection.ACK_NOT_EXPOSED;
    final List<Integer> terms = new ArrayList<>(List.of(0));
    final List<Object> commands = new ArrayList<>(java.util.Collections.singletonList(null));

    FakeRaft append(int entryTerm, Object command) {
      terms.add(entryTerm);
      commands.add(command);
      return this;
    }

    FakeRaft lead(int t) {
      term = t;
      leader = true;
      return this;
    }

    @Override
    public StartResult start(Object command) {
      return new StartResult(-1, term, false);
    }

    @Override
    public RaftState getState() {
      return new RaftState(term, leader);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {}

    @Override
    public int persistedSize() {
      return 0;
    }

    @Override
    public void kill() {}

    @Override
    public int currentTerm() {
      return term;
    }

    @Override
    public boolean isLeader() {
      return leader;
    }

    @Override
    public int commitIndex() {
      return commitIndex;
    }

    @Override
    public int snapshotIndex() {
      return snapshotIndex;
    }

    @Override
    public int lastIndex() {
      return terms.size() - 1;
    }

    @Override
    public int termAt(int index) {
      return terms.get(index);
    }

    @Override
    public Object commandAt(int index) {
      return commands.get(index);
    }

    @Override
    public int votedFor() {
      return votedFor;
    }

    @Override
    public int acknowledgedIndex() {
      return acknowledged;
    }
  }

  private final Simulation sim = new Simulation(SEED);
  private final FakeRaft[] fakes = {new FakeRaft(), new FakeRaft(), new FakeRaft()};
  private final RaftInvariantMonitor monitor =
      new RaftInvariantMonitor(sim, List.of("raft-0", "raft-1", "raft-2"), i -> fakes[i]);

  private String violation(Runnable r) {
    SimulationFailure f = assertThrows(SimulationFailure.class, r::run);
    assertTrue(f.getMessage().contains("seed " + SEED), f.getMessage());
    assertTrue(f.getMessage().contains("virtual time"), f.getMessage());
    return f.getMessage();
  }

  @Test
  void twoLeadersInOneTermBreakElectionSafety() {
    fakes[0].lead(3);
    fakes[1].lead(3);
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith("Election Safety violated: term 3 has two leaders: raft-0 and raft-1"), msg);
  }

  @Test
  void electionSafetyRemembersEarlierLeadersOfTheTerm() {
    fakes[0].lead(3);
    monitor.run();
    fakes[0].leader = false;
    fakes[2].lead(3);
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith("Election Safety violated: term 3 has two leaders: raft-0 and raft-2"), msg);
  }

  @Test
  void staleLeadersOfOlderTermsAreAllowed() {
    fakes[0].lead(2).append(1, "a").append(2, "stale");
    fakes[1].lead(3).append(1, "a").append(3, "new");
    fakes[2].term = 3;
    fakes[2].append(1, "a").append(3, "new");
    assertDoesNotThrow(monitor::run);
    assertDoesNotThrow(monitor::fullCheck);
  }

  @Test
  void sameIndexAndTermWithDifferentCommandsBreaksLogMatching() {
    fakes[0].append(1, "a").append(1, "b");
    fakes[1].append(1, "a").append(1, "c");
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Log Matching violated: raft-0 and raft-1 both hold an entry at index 2 with term 1, "
                + "but with different commands: b vs c"),
        msg);
  }

  @Test
  void sameEntryAfterDifferentHistoriesBreaksLogMatching() {
    fakes[0].append(1, "a").append(3, "x");
    fakes[1].append(2, "b").append(3, "x");
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Log Matching violated: raft-0 and raft-1 both hold the entry (index 2, term 3) "
                + "but their logs differ before it: index 1 has term 1 vs 2"),
        msg);
  }

  @Test
  void logMatchingSeesAnEntryRewrittenLaterInTheRun() {
    fakes[0].append(1, "a").append(1, "b");
    fakes[1].append(1, "a").append(1, "b");
    monitor.run();
    // raft-1 drops its entry 2 and takes a forged one with the same index and term
    fakes[1].terms.remove(2);
    fakes[1].commands.remove(2);
    monitor.run();
    fakes[1].append(1, "forged");
    String msg = violation(monitor);
    assertTrue(msg.contains("Log Matching violated"), msg);
    assertTrue(msg.contains("b vs forged"), msg);
  }

  @Test
  void aLeaderMissingACommittedEntryBreaksLeaderCompleteness() {
    fakes[0].lead(1).append(1, "x");
    monitor.run();
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    fakes[0].leader = false;
    fakes[1].lead(2); // elected in term 2 with an empty log
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Leader Completeness violated: raft-1 is leader of term 2 but its log ends at index 0, "
                + "missing committed index 1 (x, applied by raft-0"),
        msg);
  }

  @Test
  void aLeaderHoldingADifferentCommittedEntryBreaksLeaderCompleteness() {
    fakes[0].lead(1).append(1, "x");
    monitor.run();
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    fakes[0].leader = false;
    fakes[2].lead(2).append(2, "y");
    String msg = violation(monitor);
    assertTrue(
        msg.contains(
            "Leader Completeness violated: raft-2 is leader of term 2 but holds y at committed index 1"),
        msg);
  }

  @Test
  void leaderCompletenessIgnoresLeadersTheCommitCannotConstrain() {
    // raft-1 leads term 1; raft-0 then leads term 2 and commits x. When raft-1 (cut off,
    // still in term 1) shows up as leader again, it is a stale leader: it may lack x.
    fakes[1].lead(1);
    fakes[1].term = 1;
    monitor.run();
    fakes[1].leader = false;
    fakes[1].term = 1;
    fakes[0].lead(2).append(2, "x");
    monitor.run();
    monitor.observeApply(0, new ApplyMsg.Command(1, 2, "x"));
    fakes[0].leader = false;
    fakes[1].leader = true; // stale leader of term 1 comes back into view
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void differentCommandsAppliedAtOneIndexBreakStateMachineSafety() {
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    String msg = violation(() -> monitor.observeApply(1, new ApplyMsg.Command(1, 1, "y")));
    assertTrue(
        msg.startsWith(
            "State Machine Safety violated: raft-1 applied y at index 1, but raft-0 applied x there"),
        msg);
  }

  @Test
  void appliedIndicesMustRiseByExactlyOne() {
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    String msg = violation(() -> monitor.observeApply(0, new ApplyMsg.Command(3, 1, "z")));
    assertTrue(
        msg.startsWith("Apply order violated: raft-0 applied index 3 right after index 1"), msg);
  }

  @Test
  void snapshotsAndRestartsMoveTheApplyPoint() {
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    monitor.observeApply(0, new ApplyMsg.Snapshot(10, 1, new byte[] {1}));
    assertDoesNotThrow(() -> monitor.observeApply(0, new ApplyMsg.Command(11, 1, "y")));
    monitor.serverStarted(0, 0);
    assertDoesNotThrow(() -> monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x")));
  }

  /**
   * The cluster installs the monitor: a Raft that always claims leadership fails the run at the
   * next event.
   */
  @Test
  void theClusterFailsARunAtTheFirstEventAfterAViolation() {
    Simulation s = new Simulation(7);
    RaftCluster cfg =
        new RaftCluster(s, 3, true, false, (ctx, peers, me, applyCh) -> new FakeRaft().lead(1));
    s.schedule(Duration.ofMillis(5), () -> {});
    SimulationFailure f =
        assertThrows(SimulationFailure.class, () -> cfg.sleep(Duration.ofSeconds(1)));
    assertTrue(
        f.getMessage()
            .startsWith("Election Safety violated: term 1 has two leaders: raft-0 and raft-1"),
        f.getMessage());
    assertEquals(Duration.ofMillis(5), f.at());
  }

  /** The reference Raft, except that raft-1's log view shows a forged command at index 2. */
  static final class ForgingRaft extends ForwardingRaft implements RaftIntrospection {
    private final RaftIntrospection view;
    private final boolean forge;

    ForgingRaft(Raft raft, boolean forge) {
      super(raft);
      this.view = (RaftIntrospection) raft;
      this.forge = forge;
    }

    @Override
    public int currentTerm() {
      return view.currentTerm();
    }

    @Override
    public boolean isLeader() {
      return view.isLeader();
    }

    @Override
    public int commitIndex() {
      return view.commitIndex();
    }

    @Override
    public int snapshotIndex() {
      return view.snapshotIndex();
    }

    @Override
    public int lastIndex() {
      return view.lastIndex();
    }

    @Override
    public int termAt(int index) {
      return view.termAt(index);
    }

    @Override
    public Object commandAt(int index) {
      return forge && index == 2 ? "forged" : view.commandAt(index);
    }
  }

  @Test
  void aForgedLogEntryFailsARealRun() {
    Simulation s = new Simulation(3);
    simlab.raft.RaftFactory reference = new simlab.raft.ReferenceRaftFactory();
    RaftCluster cfg =
        new RaftCluster(
            s,
            3,
            true,
            false,
            (ctx, peers, me, applyCh) ->
                new ForgingRaft(reference.make(ctx, peers, me, applyCh), me == 1));
    SimulationFailure f =
        assertThrows(
            SimulationFailure.class,
            () -> {
              for (int i = 0; i < 3; i++) {
                cfg.one(100 + i, 3, false);
              }
            });
    assertTrue(
        f.getMessage().matches("(Log Matching|Leader Completeness) violated: .*raft-1.*forged.*"),
        f.getMessage());
  }

  // ---- the checks added for the explorer ---------------------------------------------------

  @Test
  void twoVotesInOneTermAcrossARestartBreakVoteUniqueness() {
    fakes[0].term = 3;
    fakes[0].votedFor = 1;
    monitor.run();
    FakeRaft restarted = new FakeRaft(); // forgot its vote: votedFor was not persisted
    restarted.term = 3;
    restarted.votedFor = 2;
    fakes[0] = restarted;
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Vote Uniqueness violated: raft-0 voted for raft-1 and then for raft-2 in term 3"),
        msg);
  }

  @Test
  void aVoteInANewTermIsFine() {
    fakes[0].term = 3;
    fakes[0].votedFor = 1;
    monitor.run();
    fakes[0].term = 4;
    fakes[0].votedFor = 2;
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void aCommitIndexGoingBackOnALiveServerIsCaught() {
    fakes[0].append(1, "a").append(1, "b");
    fakes[0].commitIndex = 2;
    monitor.run();
    fakes[0].commitIndex = 1;
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Monotonic Commit Index violated: raft-0's commit index went from 2 down to 1"),
        msg);
  }

  @Test
  void aSnapshotIndexGoingBackOnALiveServerIsCaught() {
    fakes[0].append(1, "a").append(1, "b");
    fakes[0].snapshotIndex = 2;
    fakes[0].commitIndex = 2;
    monitor.run();
    fakes[0].snapshotIndex = 1;
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Monotonic Snapshot Index violated: raft-0's snapshot index went from 2 down to 1"),
        msg);
  }

  @Test
  void aRestartMayResetTheVolatileCommitIndexButNotLoseAcknowledgedEntries() {
    fakes[1].append(1, "a").append(1, "b").append(2, "c");
    fakes[1].commitIndex = 3;
    monitor.run();
    FakeRaft kept =
        new FakeRaft().append(1, "a").append(1, "b").append(2, "c"); // commit index 0 again: fine
    fakes[1] = kept;
    assertDoesNotThrow(monitor::run);
    fakes[1] = new FakeRaft().append(1, "a"); // the persisted log lost indices 2 and 3
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Acknowledged Entry Durability violated: raft-1 once reported commit index 3"),
        msg);
  }

  @Test
  void anAcknowledgedEntryReplacedByAnotherTermIsCaught() {
    fakes[1].append(1, "a").append(2, "b");
    fakes[1].commitIndex = 2;
    monitor.run();
    fakes[1] = new FakeRaft().append(1, "a").append(3, "z");
    String msg = violation(monitor);
    assertTrue(
        msg.contains(
            "Acknowledged Entry Durability violated: raft-1 once reported commit index 2 with an entry"
                + " of term 2 there, but now holds an entry of term 3"),
        msg);
  }

  @Test
  void anAcknowledgedEntryLostBeforeTheCommitIndexMovedIsCaught() {
    // raft-1 told the leader of term 2 it holds index 2, but has not heard of a commit yet: the
    // commit-index stand-in cannot see the loss, the exact check can
    fakes[1].append(1, "a").append(2, "b");
    fakes[1].term = 2;
    fakes[1].acknowledged = 2;
    monitor.run();
    FakeRaft restarted = new FakeRaft().append(1, "a");
    restarted.term = 2;
    restarted.acknowledged = 0; // a new incarnation has acknowledged nothing yet
    fakes[1] = restarted;
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Acknowledged Entries Kept violated: raft-1 acknowledged the entries up to index 2 to"
                + " the leader of term 2, but its log now ends at index 1"),
        msg);
  }

  @Test
  void anAcknowledgedEntryOverwrittenInTheSameTermIsCaught() {
    fakes[1].append(1, "a").append(2, "b");
    fakes[1].term = 2;
    fakes[1].acknowledged = 2;
    monitor.run();
    fakes[1].terms.set(2, 1);
    String msg = violation(monitor);
    assertTrue(
        msg.contains(
            "raft-1 acknowledged the entries up to index 2 to the leader of term 2, but it held an"
                + " entry of term 2 there and now holds one of term 1"),
        msg);
  }

  @Test
  void aLaterTermMayCutOffWhatWasAcknowledgedEarlier() {
    fakes[1].append(1, "a").append(2, "b");
    fakes[1].term = 2;
    fakes[1].acknowledged = 2;
    monitor.run();
    FakeRaft later = new FakeRaft().append(1, "a").append(3, "z");
    later.term = 3;
    later.acknowledged = 0;
    fakes[1] = later;
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void anUnexposedAcknowledgementIsNotChecked() {
    fakes[1].append(1, "a").append(2, "b");
    fakes[1].term = 2;
    monitor.run();
    FakeRaft restarted = new FakeRaft().append(1, "a");
    restarted.term = 2;
    fakes[1] = restarted;
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void aLeaderCommittingAnEarlierTermsEntryByCountingBreaksTheCommitRule() {
    fakes[0].append(1, "a").append(2, "b").lead(3);
    fakes[0].commitIndex = 1;
    monitor.run();
    fakes[0].commitIndex = 2; // index 2 holds a term-2 entry; the leader is of term 3
    String msg = violation(monitor);
    assertTrue(
        msg.startsWith(
            "Leader Commit Rule violated: raft-0, leader of term 3, moved its commit index from 1"
                + " to 2, onto an entry of term 2"),
        msg);
  }

  @Test
  void aLeaderCommittingItsOwnTermsEntryCommitsEarlierOnesWithIt() {
    fakes[0].append(1, "a").append(2, "b").append(3, "c").lead(3);
    monitor.run();
    fakes[0].commitIndex = 3;
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void aNewLeaderMayAlreadyHoldACommitIndexOfAnEarlierTerm() {
    // learnt as a follower; the rule is about what a leader counts, not what it inherited
    fakes[0].append(1, "a").append(2, "b");
    fakes[0].term = 3;
    monitor.run();
    fakes[0].commitIndex = 2;
    fakes[0].leader = true;
    assertDoesNotThrow(monitor::run);
  }

  @Test
  void aSnapshotMessageMovingTheAppliedIndexBackIsCaught() {
    monitor.serverStarted(0, 0);
    monitor.observeApply(0, new ApplyMsg.Command(1, 1, "x"));
    monitor.observeApply(0, new ApplyMsg.Command(2, 1, "y"));
    String msg = violation(() -> monitor.observeApply(0, new ApplyMsg.Snapshot(1, 1, new byte[0])));
    assertTrue(
        msg.startsWith("Monotonic Applied Index violated: raft-0 was given a snapshot at index 1"),
        msg);
  }
}
