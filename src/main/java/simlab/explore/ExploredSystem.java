package simlab.explore;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import simlab.nemesis.Topology;
import simlab.workload.WorkloadParams;

/**
 * The three systems the explorer drives, each at its default size: the fault domain the schedules
 * are generated for and the default workload.
 */
public enum ExploredSystem {
  /**
   * 5 Raft servers with the 3D snapshotting applier; 3 clients proposing 50 commands each, 80 ms
   * apart. A command commits within milliseconds, so the pause is what makes the clients' work span
   * a generated schedule (4 to 10 faults about 700 ms apart): with 20 ms the clients were done
   * within a second and most faults hit an idle cluster.
   */
  RAFT(
      Topology.oneGroup(List.of("raft-0", "raft-1", "raft-2", "raft-3", "raft-4")),
      new WorkloadParams(3, 1, 50, Duration.ofMillis(80), 0)),
  /** 5 KV servers (maxraftstate 1000); 3 clerks on 3 contended keys, 40 operations each. */
  KV(
      Topology.oneGroup(List.of("kv-0", "kv-1", "kv-2", "kv-3", "kv-4")),
      WorkloadParams.contended()),
  /** 3 controller replicas and 3 groups of 3; 3 clerks on 3 keys, reconfigurations every 400 ms. */
  SHARDKV(
      new Topology(
          List.of(
              "ctrler-0",
              "ctrler-1",
              "ctrler-2",
              "shardkv-100-0",
              "shardkv-100-1",
              "shardkv-100-2",
              "shardkv-101-0",
              "shardkv-101-1",
              "shardkv-101-2",
              "shardkv-102-0",
              "shardkv-102-1",
              "shardkv-102-2"),
          List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9, 10, 11))),
      WorkloadParams.contended());

  private final Topology topology;
  private final WorkloadParams defaults;

  ExploredSystem(Topology topology, WorkloadParams defaults) {
    this.topology = topology;
    this.defaults = defaults;
  }

  public Topology topology() {
    return topology;
  }

  public WorkloadParams defaultParams() {
    return defaults;
  }

  /** {@code raft}, {@code kv}, {@code shardkv}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a cli name; throws IllegalArgumentException naming the known ones. */
  public static ExploredSystem parse(String name) {
    for (ExploredSystem s : values()) {
      if (s.cliName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown system '" + name + "'; expected raft, kv or shardkv");
  }
}
