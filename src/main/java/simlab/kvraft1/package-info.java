/**
 * 6.5840 2025 lab 4B/4C ({@code kvraft1}): a key/value service with versioned Put on the {@link
 * simlab.rsm.ReplicatedStateMachine} layer. The server is a {@link simlab.rsm.StateMachine} ({@code
 * doOp}, {@code snapshot}, {@code restore}) plus the Get/Put RPC handlers, which submit the request
 * to the RSM and answer what doOp returned; the clerk is a {@link simlab.kvsrv1.VersionedClerk}
 * that finds the leader, remembers it, and turns a resent Put's ErrVersion into ErrMaybe. RPC types
 * and errors are kvsrv1's ({@link simlab.kvsrv1.GetArgs}, {@link simlab.kvsrv1.PutArgs}, {@link
 * simlab.kvsrv1.Err}), as in 6.5840, where kvraft1 uses {@code kvsrv1/rpc}.
 */
package simlab.kvraft1;
