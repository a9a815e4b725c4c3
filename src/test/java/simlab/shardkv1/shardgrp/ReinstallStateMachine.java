package simlab.shardkv1.shardgrp;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import simlab.kvsrv1.Err;
import simlab.rsm.StateMachine;
import simlab.shardkv1.shardgrp.ShardData.Slot;
import simlab.shardkv1.shardgrp.ShardData.Status;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardArgs;
import simlab.shardkv1.shardgrp.ShardRpc.InstallShardReply;
import simlab.sim.ValueCodec;

/**
 * Deliberately broken (for the 2025 evidence): the reference group state, except that an
 * InstallShard of the configuration the shard is already served at is installed again instead of
 * being recognised as a repeat. A resent or duplicated InstallShard that arrives after clients have
 * written to the shard puts the older copy back over the newer data.
 */
final class ReinstallStateMachine implements StateMachine {
  private final GroupStateMachine inner;
  private final ValueCodec codec = new ValueCodec();

  ReinstallStateMachine(int gid) {
    this.inner = new GroupStateMachine(gid);
  }

  @Override
  public Object doOp(Object command) {
    Object reply = inner.doOp(command);
    if (command instanceof InstallShardArgs a
        && reply instanceof InstallShardReply r
        && r.err() == Err.OK) {
      // OK for a repeat leaves the shard as it is in the reference; here the copy is put back.
      ShardData.Image image = (ShardData.Image) codec.fromBytes(inner.snapshot());
      Slot slot = image.slots().get(a.shard());
      if (slot.status() == Status.SERVING && slot.num() == a.num()) {
        List<Slot> slots = new ArrayList<>(image.slots());
        slots.set(
            a.shard(), new Slot(Status.SERVING, a.num(), ShardData.decodeShard(a.state(), codec)));
        inner.restore(codec.toBytes(new ShardData.Image(ImmutableList.copyOf(slots))));
      }
    }
    return reply;
  }

  @Override
  public byte[] snapshot() {
    return inner.snapshot();
  }

  @Override
  public void restore(byte[] snapshot) {
    inner.restore(snapshot);
  }
}
