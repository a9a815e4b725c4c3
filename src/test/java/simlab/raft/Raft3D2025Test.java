package simlab.raft;

import org.junit.jupiter.api.Tag;
import simlab.testing.Points;
import simlab.testing.Seed;
import simlab.testing.SimTest;

/**
 * The two Raft tests 6.5840 changed in 2025: TestSnapshotAllCrash3D and TestSnapshotInit3D run on
 * an unreliable network ({@code makeTest(t, n, reliable=false, snapshot)}), where 2024 ran them on
 * a reliable one. Same bodies as {@link Raft3DTest}'s; in the 2025 layout they replace those two,
 * and the rest of 3A–3D is 2024's.
 */
@Tag("2025-3D")
class Raft3D2025Test {
  @SimTest(name = "TestSnapshotAllCrash3D")
  @Points(3)
  void snapshotAllCrashUnreliable(Seed seed) {
    Raft3DTest.snapshotAllCrash(seed, false);
  }

  @SimTest(name = "TestSnapshotInit3D")
  @Points(3)
  void snapshotInitUnreliable(Seed seed) {
    Raft3DTest.snapshotInit(seed, false);
  }
}
