package simlab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The JVM's CPU time so far, for the bench's CPU column: on a machine shared with other work, CPU
 * time moves much less with the load than wall time does.
 */
final class CheckerBenchCpu {
  private CheckerBenchCpu() {}

  /** Process CPU nanoseconds (all threads), or -1 where the platform does not report it. */
  static long processNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
