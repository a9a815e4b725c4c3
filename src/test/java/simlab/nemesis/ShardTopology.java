package simlab.nemesis;

import java.util.List;

/**
 * The shape of ShardKvTarget's fault domain (controller + 3 groups of 3), for generating schedules
 * up front.
 */
final class ShardTopology {
  static final Topology TOPOLOGY =
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
          List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9, 10, 11)));

  private ShardTopology() {}
}
