package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import simlab.kv.KvService;
import simlab.kv.ReferenceKv;
import simlab.kvraft1.KvRaft1Service;
import simlab.kvraft1.ReferenceKvRaft1;
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
 * The implementations one run uses: the reference everywhere, except for the factories that {@code
 * --impl CLASS} implements. As in {@code grade --impl}, the class must implement a factory the
 * system actually runs (raft: RaftFactory; kv: KvService or RaftFactory; shardkv: RaftFactory,
 * ShardCtrlerFactory or ShardKvFactory; kvsrv1: KvSrv1Service; kvraft1: KvRaft1Service, RsmFactory
 * or RaftFactory; shardkv1: ShardKv1Factory, KvSrv1Service or RaftFactory) and have a public
 * no-argument constructor; anything else is rejected up front with one line. Each run gets fresh
 * instances, so a factory's own state is never shared between threads.
 */
public record Impls(String className) {
  /** The reference implementations. */
  public static final Impls REFERENCE = new Impls(null);

  /**
   * Validates {@code className} for {@code system}; throws IllegalArgumentException with a one-line
   * reason.
   */
  public static Impls validate(ExploredSystem system, String className) {
    if (className == null) {
      return REFERENCE;
    }
    Class<?> c;
    try {
      c = Class.forName(className);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "--impl " + className + ": no such class on the classpath");
    }
    List<Class<?>> accepted = factories(system);
    if (accepted.stream().noneMatch(f -> f.isAssignableFrom(c))) {
      List<String> names = new ArrayList<>();
      accepted.forEach(f -> names.add(f.getName()));
      throw new IllegalArgumentException(
          "--impl "
              + className
              + ": implements none of "
              + String.join(", ", names)
              + " (what "
              + system.cliName()
              + " runs)");
    }
    try {
      c.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--impl "
              + className
              + ": needs a public no-argument constructor ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return new Impls(className);
  }

  static List<Class<?>> factories(ExploredSystem system) {
    return switch (system) {
      case RAFT -> List.of(RaftFactory.class);
      case KV -> List.of(KvService.class, RaftFactory.class);
      case SHARDKV -> List.of(RaftFactory.class, ShardCtrlerFactory.class, ShardKvFactory.class);
      case KVSRV1 -> List.of(KvSrv1Service.class);
      case KVRAFT1 -> List.of(KvRaft1Service.class, RsmFactory.class, RaftFactory.class);
      // The groups run the reference rsm inside the lab 5 factory, so no RsmFactory here.
      case SHARDKV1 -> List.of(ShardKv1Factory.class, KvSrv1Service.class, RaftFactory.class);
    };
  }

  public RaftFactory raft() {
    return pick(RaftFactory.class, new ReferenceRaftFactory());
  }

  public KvService kv() {
    return pick(KvService.class, new ReferenceKv());
  }

  public ShardCtrlerFactory ctrler() {
    return pick(ShardCtrlerFactory.class, new ReferenceShardCtrlerFactory());
  }

  public ShardKvFactory shardkv() {
    return pick(ShardKvFactory.class, new ReferenceShardKvFactory());
  }

  public KvSrv1Service kvsrv1() {
    return pick(KvSrv1Service.class, new ReferenceKvSrv1());
  }

  public RsmFactory rsm() {
    return pick(RsmFactory.class, new ReferenceRsmFactory());
  }

  public KvRaft1Service kvraft1() {
    return pick(KvRaft1Service.class, new ReferenceKvRaft1());
  }

  public ShardKv1Factory shardkv1() {
    return pick(ShardKv1Factory.class, new ReferenceShardKv1());
  }

  private <T> T pick(Class<T> type, T reference) {
    if (className == null) {
      return reference;
    }
    try {
      Class<?> c = Class.forName(className);
      return type.isAssignableFrom(c) ? type.cast(c.getConstructor().newInstance()) : reference;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "--impl " + className + " was validated but cannot be made: " + e, e);
    }
  }
}
