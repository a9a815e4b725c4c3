package simlab.rsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link Submitted}'s one rule: a failure carries an error. Added for a mutant PIT found surviving:
 * {@code failed(OK)} would build an "OK" outcome with no result, which a service would pass to its
 * client as a successful empty reply.
 */
class SubmittedChecksTest {
  @Test
  void aFailureNeedsAnErrorOtherThanOk() {
    assertThrows(IllegalArgumentException.class, () -> Submitted.failed(RsmErr.OK));
    Submitted timeout = Submitted.failed(RsmErr.TIMEOUT);
    assertEquals(RsmErr.TIMEOUT, timeout.err());
    assertNull(timeout.result());
  }
}
