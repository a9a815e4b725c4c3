package simlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread, for the bench's CPU column: on a machine shared with other work,
 * CPU time moves much less with the load than wall time does. Only the caller's: reading other
 * threads' clocks costs tens of microseconds each, which swamped a batch of 10-microsecond checks
 * under load, and the process-wide figure moves in 10 ms ticks on Linux. An etcd log is one
 * partition and is searched on the calling thread, so its figure is complete; a kv history's other
 * keys searched by pool helpers are not counted.
 */
final class CheckerBenchCpu {
  private CheckerBenchCpu() {}

  /** CPU nanoseconds of the calling thread, or -1 where the platform does not report them. */
  static long callerNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      return -1;
    }
    return threads.getCurrentThreadCpuTime();
  }
}
