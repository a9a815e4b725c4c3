package simlab.explore;

import java.util.ArrayList;
import java.util.List;
import simlab.kv.KvService;
import simlab.kv.ReferenceKv;
import simlab.raft.RaftFactory;
import simlab.raft.ReferenceRaftFactory;
import simlab.shardctrler.ReferenceShardCtrlerFactory;
import simlab.shardctrler.ShardCtrlerFactory;
import simlab.shardkv.ReferenceShardKvFactory;
import simlab.shardkv.ShardKvFactory;

/**
 * The implementations one run uses: the reference everywhere, except for the factories that {@code
 * --impl CLASS} implements. As in {@code grade --impl}, the class must implement a factory the
 * system actually runs (raft: RaftFactory; kv: KvService or RaftFactory; shardkv: RaftFactory,
 * ShardCtrlerFactory or ShardKvFactory) and have a public no-argument constructor; anything else is
 * rejected up front with one line. Each run gets fresh instances, so a factory's own state is never
 * shared between threads.
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
