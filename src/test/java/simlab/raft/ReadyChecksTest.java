package simlab.raft;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What makes a {@link Ready} empty, one request at a time. PIT found {@code isEmpty} without
 * coverage in the suites' run (the reference driver acts on each part and never asks): a driver
 * written against the Ready contract that skips "empty" steps would silently drop whatever the
 * check forgot.
 */
class ReadyChecksTest {
  private static Ready with(
      Ready.Persist persist,
      ImmutableList<Ready.Send> messages,
      Ready.Timers timers,
      boolean replicate,
      boolean applyPending,
      ImmutableList<ApplyMsg> toApply,
      Object reply) {
    return new Ready(persist, messages, timers, replicate, applyPending, toApply, reply);
  }

  private static Ready nothing(Ready.Timers timers) {
    return with(null, ImmutableList.of(), timers, false, false, ImmutableList.of(), null);
  }

  @Test
  void aStepAskingForNothingIsEmptyWhateverTimersKeepRunning() {
    assertTrue(nothing(Ready.Timers.UNCHANGED).isEmpty());
    assertTrue(nothing(Ready.Timers.HEARTBEAT).isEmpty(), "a running timer is no request");
    assertTrue(nothing(Ready.Timers.ELECTION).isEmpty());
  }

  @Test
  void eachRequestMakesItNonEmpty() {
    RaftCore c =
        new RaftCore(0, 3, new PersistentState(1, -1, 0, 0, List.of()), new byte[0], false);
    Ready campaign = c.electionTimeout();
    assertNotNull(campaign.persist(), "a campaign saves its term and vote");
    Ready.Timers none = Ready.Timers.UNCHANGED;
    ImmutableList<Ready.Send> noSends = ImmutableList.of();
    ImmutableList<ApplyMsg> noApply = ImmutableList.of();
    assertFalse(
        with(campaign.persist(), noSends, none, false, false, noApply, null).isEmpty(), "a save");
    assertFalse(
        with(null, campaign.messages(), none, false, false, noApply, null).isEmpty(), "a send");
    assertFalse(nothing(Ready.Timers.ELECTION_RESTART).isEmpty(), "restarting the election timer");
    assertFalse(with(null, noSends, none, true, false, noApply, null).isEmpty(), "replication");
    assertFalse(with(null, noSends, none, false, true, noApply, null).isEmpty(), "apply work");
    assertFalse(
        with(
                null,
                noSends,
                none,
                false,
                false,
                ImmutableList.of(new ApplyMsg.Command(1, 1, "x")),
                null)
            .isEmpty(),
        "entries to apply");
    assertFalse(
        with(null, noSends, none, false, false, noApply, new RequestVoteReply(1, false)).isEmpty(),
        "a reply");
  }
}
