package simlab.explore;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import simlab.nemesis.FaultKind;
import simlab.nemesis.Topology;
import simlab.workload.WorkloadParams;

/**
 * The systems the explorer drives, each at its default size: the fault domain the schedules are
 * generated for, the default workload and the fault kinds that apply. raft, kv and shardkv are the
 * 2024 labs; kvsrv1, kvraft1 and shardkv1 the 2025 services, driven through the versioned API.
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
      WorkloadParams.contended()),
  /**
   * 2025 lab 2: one versioned server and {@link #paced()} clerks, the server and the first 3 clerks
   * the fault domain; network faults only (the server is in memory, see {@link KvSrv1Run}).
   */
  KVSRV1(
      new Topology(KvSrv1Run.nodes(), List.of(List.of(0))),
      ExploredSystem.paced(),
      EnumSet.of(
          FaultKind.PARTITION_RANDOM,
          FaultKind.ISOLATE_LEADER,
          FaultKind.ONE_WAY_CUT,
          FaultKind.UNRELIABLE,
          FaultKind.REORDER,
          FaultKind.DUPLICATE,
          FaultKind.CLOG)),
  /**
   * 2025 lab 4: 5 kvraft1 replicas on rsm on Raft (maxraftstate 1000) and {@link #paced()} clerks;
   * the fault domain is the replicas (nodes 0-4, one Raft group) and the first 3 clerks (5-7), so
   * partitions can leave clerks on either side (see {@link KvRaft1Run}).
   */
  KVRAFT1(
      new Topology(KvRaft1Run.nodes(), List.of(List.of(0, 1, 2, 3, 4))), ExploredSystem.paced()),
  /**
   * 2025 lab 5: 3 shard groups of 3 (the fault domain), the configuration kvsrv and the controller
   * outside it; {@link #paced()} clerks, a join or leave every 400 ms (see {@link ShardKv1Run}).
   * The only system with a controller to cut off mid-change, so the only one offering {@link
   * FaultKind#CTRLER_CUT}.
   */
  SHARDKV1(ShardKv1Run.topology(), ExploredSystem.paced(), EnumSet.allOf(FaultKind.class));

  private final Topology topology;
  private final WorkloadParams defaults;
  private final Set<FaultKind> faultKinds;

  ExploredSystem(Topology topology, WorkloadParams defaults) {
    this(topology, defaults, FaultKind.generic());
  }

  ExploredSystem(Topology topology, WorkloadParams defaults, Set<FaultKind> faultKinds) {
    this.topology = topology;
    this.defaults = defaults;
    this.faultKinds = Set.copyOf(faultKinds);
  }

  /**
   * The 2025 systems' clients: 3 on 3 contended keys, 50 operations each, 80 ms apart, a third
   * reads. A versioned operation takes a millisecond or less on a healthy network, so as for Raft
   * the pause is what makes the clients' work span a generated schedule (4 to 10 faults about 700
   * ms apart); at 20 ms the clients were done within a second and kvsrv1's mistakes in ErrMaybe
   * handling went unseen for want of an unreliable network while they ran.
   */
  static WorkloadParams paced() {
    return new WorkloadParams(3, 3, 50, Duration.ofMillis(80), 33);
  }

  /** The fault kinds that apply to this system ({@code --faults all} means these). */
  public Set<FaultKind> faultKinds() {
    return EnumSet.copyOf(faultKinds);
  }

  /** Whether the service keeps its state across crashes (kvsrv1 does not: no crash faults). */
  public boolean durable() {
    return faultKinds.contains(FaultKind.CRASH_ONE);
  }

  public Topology topology() {
    return topology;
  }

  public WorkloadParams defaultParams() {
    return defaults;
  }

  /**
   * {@code raft}, {@code kv}, {@code shardkv}, {@code kvsrv1}, {@code kvraft1}, {@code shardkv1}.
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a cli name; throws IllegalArgumentException naming the known ones. */
  /** The cli names, for messages. */
  public static final String NAMES = "raft, kv, shardkv, kvsrv1, kvraft1 or shardkv1";

  public static ExploredSystem parse(String name) {
    for (ExploredSystem s : values()) {
      if (s.cliName().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown system '" + name + "'; expected " + NAMES);
  }
}
