package simlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the JVM's live threads, for the bench's CPU column: on a machine shared with other
 * work, CPU time moves much less with the load than wall time does. Summed per thread because the
 * process-wide figure is counted in 10 ms ticks on Linux, too coarse for a 20 ms batch.
 */
final class CheckerBenchCpu {
  private CheckerBenchCpu() {}

  /**
   * CPU nanoseconds of every live Java thread (the caller and the common pool's helpers), or -1
   * where the platform does not report thread CPU time.
   */
  static long processNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return -1;
    }
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }
}
