/**
 * Lab 5A: the shard controller, a Raft-replicated service holding the numbered configurations
 * (which replica group serves which of the 10 shards).
 *
 * <p>Data flow: a {@link simlab.shardctrler.ShardCtrlerClerk} sends Join/Leave/Move/Query as a
 * {@link simlab.shardctrler.CtrlerRequest}; {@link simlab.shardctrler.ShardCtrlerServer} submits it
 * to its {@link simlab.rsm.Rsm}; {@link simlab.shardctrler.ConfigStateMachine} applies it in log
 * order, and for Join and Leave asks {@link simlab.shardctrler.Rebalancer} for a new assignment
 * that moves as few shards as possible and is the same on every replica (ties broken by group id,
 * never by map order). {@link simlab.shardctrler.RaftBacked} lets the harness reach the Raft peer
 * under any server for its checks.
 */
package simlab.shardctrler;
