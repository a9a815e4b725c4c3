package simlab.shardkv1.shardctrler;

import simlab.shardkv1.shardcfg.ShardConfig;
import simlab.sim.SimFuture;

/**
 * The controller's API (6.5840 2025 {@code shardctrler.ShardCtrler}). Every call returns a future
 * completed inside the simulation; calls on one controller must be made one at a time (the tester
 * waits for each before the next).
 */
public interface ShardCtrler {
  /**
   * Called before a controller is used (6.5840 {@code InitController}): finishes a configuration
   * change that a crashed or partitioned controller left half done (parts 5B and 5C). With leases
   * (5C) it first waits for, or takes over, an expired lease of that controller.
   */
  SimFuture<Void> initController();

  /** Stores the first configuration (6.5840 {@code InitConfig}); called once by the tester. */
  SimFuture<Void> initConfig(ShardConfig cfg);

  /**
   * Moves the shards from the current configuration to {@code next}, whose number must be the
   * current one plus 1, and then makes it current (6.5840 {@code ChangeConfigTo}). If another
   * controller got there first, completes without applying {@code next} (the tester sees it with
   * {@link #query}); so does a controller that lost its lease (5C) and bails out.
   */
  SimFuture<Void> changeConfigTo(ShardConfig next);

  /** The current configuration (6.5840 {@code Query}). */
  SimFuture<ShardConfig> query();
}
