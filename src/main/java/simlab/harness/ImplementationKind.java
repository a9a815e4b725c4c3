package simlab.harness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import simlab.kv.KvService;
import simlab.kv.ReferenceKv;
import simlab.kvraft1.KvRaft1Service;
import simlab.kvraft1.ReferenceKvRaft1;
import simlab.kvsrv.KvSrvService;
import simlab.kvsrv.ReferenceKvSrv;
import simlab.kvsrv1.KvSrv1Service;
import simlab.kvsrv1.ReferenceKvSrv1;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.rsm.ReferenceRsmFactory;
import simlab.rsm.RsmFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ReferenceShardKvFactory;
import simlab.shardkv.ShardKvFactory;
import simlab.shardkv1.ReferenceShardKv1;
import simlab.shardkv1.ShardKv1Factory;

/**
 * The pluggable implementations of the labs: each has a short name (what {@code --impl NAME=CLASS}
 * takes), a system property ({@code sim.NAME}), the factory interface a student's class must
 * implement and the reference class used when none is chosen.
 */
public enum ImplementationKind {
  KVSRV("kvsrv", KvSrvService.class, ReferenceKvSrv.class),
  RAFT("raft", RaftFactory.class, ReferenceRaftFactory.class),
  KV("kv", KvService.class, ReferenceKv.class),
  SHARDCTRLER("shardctrler", ShardCtrlerFactory.class, ReferenceShardCtrlerFactory.class),
  SHARDKV("shardkv", ShardKvFactory.class, ReferenceShardKvFactory.class),
  /** 2025 lab 2: the versioned server and its clerk. */
  KVSRV1("kvsrv1", KvSrv1Service.class, ReferenceKvSrv1.class),
  /** 2025 lab 4A: the replicated-state-machine layer over Raft. */
  RSM("rsm", RsmFactory.class, ReferenceRsmFactory.class),
  /** 2025 lab 4B/4C: the versioned KV service on the RSM. */
  KVRAFT1("kvraft1", KvRaft1Service.class, ReferenceKvRaft1.class),
  /** 2025 lab 5: shard group server, controller and sharded clerk (one factory). */
  SHARDKV1("shardkv1", ShardKv1Factory.class, ReferenceShardKv1.class);

  /** The generic switch: the factory of whichever lab is running ({@code grade --impl CLASS}). */
  public static final String GENERIC_PROPERTY = "sim.impl";

  private final String shortName;
  private final Class<?> factoryType;
  private final Class<?> reference;

  ImplementationKind(String shortName, Class<?> factoryType, Class<?> reference) {
    this.shortName = shortName;
    this.factoryType = factoryType;
    this.reference = reference;
  }

  public String shortName() {
    return shortName;
  }

  public String property() {
    return "sim." + shortName;
  }

  public Class<?> factoryType() {
    return factoryType;
  }

  public Class<?> reference() {
    return reference;
  }

  public static Optional<ImplementationKind> byShortName(String name) {
    for (ImplementationKind k : values()) {
      if (k.shortName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The short names, for error messages: {@code kvsrv, raft, kv, shardctrler, shardkv, kvsrv1}. */
  public static String shortNames() {
    StringBuilder sb = new StringBuilder();
    for (ImplementationKind k : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.shortName);
    }
    return sb.toString();
  }

  /**
   * The implementations a lab part runs, the lab's own first: part 2 runs kvsrv; 3A–3D Raft; 4A/4B
   * the KV service on a Raft; 5A/5B the shard controller and sharded KV on a Raft. Any other part
   * (simulator core tests) plugs nothing in.
   *
   * <p>2025 parts are tagged "2025-PART": 2025-2 runs kvsrv1; 2025-3D (the two 2025 Raft variants)
   * Raft. (The 2025 lab 4 and lab 5 lines come with their kinds: rsm, kvraft1, shardkv1.)
   */
  public static List<ImplementationKind> forPart(String part) {
    if (part.equals("2025-2")) {
      return List.of(KVSRV1);
    }
    if (part.startsWith("2025-5")) {
      // The shard groups run the reference rsm (simlab.rsm.Rsm) inside the lab 5 factory, so
      // --impl rsm= does not reach them and is refused here rather than silently ignored.
      return List.of(SHARDKV1, KVSRV1, RAFT);
    }
    if (part.equals("2025-3D")) {
      return List.of(RAFT);
    }
    if (part.equals("2025-4A")) {
      return List.of(RSM, RAFT);
    }
    if (part.equals("2025-4B") || part.equals("2025-4C")) {
      // 2025-4C also holds the rsm's TestSnapshot4C, which plugs in only RSM and RAFT.
      return List.of(KVRAFT1, RSM, RAFT);
    }
    if (part.equals("2")) {
      return List.of(KVSRV);
    }
    if (part.startsWith("3")) {
      return List.of(RAFT);
    }
    if (part.startsWith("4")) {
      return List.of(KV, RAFT);
    }
    if (part.startsWith("5")) {
      return List.of(SHARDKV, SHARDCTRLER, RAFT);
    }
    return List.of();
  }
}
