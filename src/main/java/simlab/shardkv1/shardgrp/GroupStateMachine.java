package simlab.shardkv1.shardgrp;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import simlab.kvsrv1.Err;
import simlab.rsm.StateMachine;
import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.shardkv1.shardgrp.ShardData.Entry;
import simlab.shardkv1.shardgrp.ShardData.Slot;
import simlab.shardkv1.shardgrp.ShardData.Status;
import simlab.shardkv1.shardgrp.ShardRpc.DeleteShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.DeleteShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.FreezeShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.GetArgs;
import simlab.shardkv1.shardgrp.ShardRpc.GetReply;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardReply;
import simlab.shardkv1.shardgrp.ShardRpc.PutArgs;
import simlab.shardkv1.shardgrp.ShardRpc.PutReply;
import simlab.sim.ValueCodec;

/**
 * The replicated state of one shard group: per shard a status, the number of the configuration that
 * last moved it, and its keys. Rules (the class comment of the package says why):
 *
 * <ul>
 *   <li>Get/Put only on a SERVING shard, else ErrWrongGroup. Put is versioned as in kvsrv1.
 *   <li>FreezeShard(s, n): n older than the shard's number: ErrVersion. SERVING or FROZEN: frozen
 *       at n, its data returned. ABSENT and deleted at exactly n: OK with no data (a repeat after
 *       the move finished; the install it leads to is a repeat too). ABSENT otherwise:
 *       ErrWrongGroup.
 *   <li>InstallShard(s, state, n): n newer than the shard's number: served from now on with that
 *       state. Equal and SERVING: a repeat, OK. Otherwise ErrVersion, nothing changes.
 *   <li>DeleteShard(s, n): n older: ErrVersion. FROZEN: dropped, ABSENT at n. ABSENT: a repeat, OK.
 *       SERVING: ErrWrongGroup (a shard is deleted only after it was frozen).
 * </ul>
 *
 * Group {@link ShardConfig#GID1} starts with every shard SERVING at {@link ShardConfig#NUM_FIRST};
 * other groups start with none.
 */
public final class GroupStateMachine implements StateMachine {
  private final List<MutableSlot> slots = new ArrayList<>();
  private final ValueCodec codec = new ValueCodec();
  private final boolean serveFrozen;

  private static final class MutableSlot {
    Status status = Status.ABSENT;
    int num;
    TreeMap<String, Entry> data = new TreeMap<>();
  }

  public GroupStateMachine(int gid) {
    this(gid, false);
  }

  /**
   * With {@code serveFrozen}, a deliberately broken group that keeps serving Get/Put on a frozen
   * shard (the lab 5 (2025) broken-implementation check in the test tree); never use it otherwise.
   */
  public GroupStateMachine(int gid, boolean serveFrozen) {
    this.serveFrozen = serveFrozen;
    for (int s = 0; s < ShardConfig.NSHARDS; s++) {
      MutableSlot slot = new MutableSlot();
      if (gid == ShardConfig.GID1) {
        slot.status = Status.SERVING;
        slot.num = ShardConfig.NUM_FIRST;
      }
      slots.add(slot);
    }
  }

  @Override
  public Object doOp(Object command) {
    if (command instanceof GetArgs a) {
      return get(a);
    } else if (command instanceof PutArgs a) {
      return put(a);
    } else if (command instanceof FreezeShardArgs a) {
      return freeze(a);
    } else if (command instanceof InstallShardArgs a) {
      return install(a);
    } else if (command instanceof DeleteShardArgs a) {
      return delete(a);
    }
    throw new IllegalArgumentException("shard group: unknown command " + command);
  }

  private GetReply get(GetArgs a) {
    MutableSlot slot = slots.get(ShardConfig.key2Shard(a.key()));
    if (!serves(slot)) {
      return new GetReply("", 0, Err.ErrWrongGroup);
    }
    Entry e = slot.data.get(a.key());
    return e == null
        ? new GetReply("", 0, Err.ErrNoKey)
        : new GetReply(e.value(), e.version(), Err.OK);
  }

  private PutReply put(PutArgs a) {
    MutableSlot slot = slots.get(ShardConfig.key2Shard(a.key()));
    if (!serves(slot)) {
      return new PutReply(Err.ErrWrongGroup);
    }
    Entry e = slot.data.get(a.key());
    if (e == null) {
      if (a.version() != 0) {
        return new PutReply(Err.ErrNoKey);
      }
      slot.data.put(a.key(), new Entry(a.value(), 1));
      return new PutReply(Err.OK);
    }
    if (e.version() != a.version()) {
      return new PutReply(Err.ErrVersion);
    }
    slot.data.put(a.key(), new Entry(a.value(), e.version() + 1));
    return new PutReply(Err.OK);
  }

  private boolean serves(MutableSlot slot) {
    return slot.status == Status.SERVING || (serveFrozen && slot.status == Status.FROZEN);
  }

  private FreezeShardReply freeze(FreezeShardArgs a) {
    MutableSlot slot = slots.get(a.shard());
    if (a.num() < slot.num) {
      return new FreezeShardReply(new byte[0], slot.num, Err.ErrVersion);
    }
    if (slot.status == Status.ABSENT) {
      Err err = a.num() == slot.num ? Err.OK : Err.ErrWrongGroup;
      return new FreezeShardReply(new byte[0], slot.num, err);
    }
    slot.status = Status.FROZEN;
    slot.num = a.num();
    byte[] state = ShardData.encodeShard(ImmutableMap.copyOf(slot.data), codec);
    return new FreezeShardReply(state, slot.num, Err.OK);
  }

  private InstallShardReply install(InstallShardArgs a) {
    MutableSlot slot = slots.get(a.shard());
    if (a.num() > slot.num) {
      slot.status = Status.SERVING;
      slot.num = a.num();
      slot.data = new TreeMap<>(ShardData.decodeShard(a.state(), codec));
      return new InstallShardReply(Err.OK);
    }
    boolean repeat = a.num() == slot.num && slot.status == Status.SERVING;
    return new InstallShardReply(repeat ? Err.OK : Err.ErrVersion);
  }

  private DeleteShardReply delete(DeleteShardArgs a) {
    MutableSlot slot = slots.get(a.shard());
    if (a.num() < slot.num) {
      return new DeleteShardReply(Err.ErrVersion);
    }
    switch (slot.status) {
      case FROZEN -> {
        slot.status = Status.ABSENT;
        slot.num = a.num();
        slot.data = new TreeMap<>();
        return new DeleteShardReply(Err.OK);
      }
      case ABSENT -> {
        return new DeleteShardReply(Err.OK);
      }
      default -> {
        return new DeleteShardReply(Err.ErrWrongGroup);
      }
    }
  }

  /** Keys held in SERVING or FROZEN shards (the harness measures storage with it). */
  public int keyCount() {
    return slots.stream().mapToInt(s -> s.data.size()).sum();
  }

  @Override
  public byte[] snapshot() {
    ImmutableList.Builder<Slot> b = ImmutableList.builder();
    for (MutableSlot s : slots) {
      b.add(new Slot(s.status, s.num, ImmutableMap.copyOf(s.data)));
    }
    return codec.toBytes(new ShardData.Image(b.build()));
  }

  @Override
  public void restore(byte[] snapshot) {
    ShardData.Image image = (ShardData.Image) codec.fromBytes(snapshot);
    for (int s = 0; s < ShardConfig.NSHARDS; s++) {
      Slot in = image.slots().get(s);
      MutableSlot slot = slots.get(s);
      slot.status = in.status();
      slot.num = in.num();
      slot.data = new TreeMap<>(in.data());
    }
  }
}
