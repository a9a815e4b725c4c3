/**
 * Lab 4 (6.5840 2024 kvraft): a fault-tolerant key/value service replicated by Raft.
 *
 * <p>Data flow: a {@link simlab.kv.Clerk} sends a {@link simlab.kv.KvRequest} (client id, sequence
 * number, {@link simlab.kv.Op}) to the server it believes leads and retries on another after {@link
 * simlab.kv.Err#ERR_WRONG_LEADER} or no reply. {@link simlab.kv.ReferenceKvServer} is RPC glue: it
 * turns the request into a {@link simlab.kv.Command} and submits it to its {@link simlab.rsm.Rsm},
 * which puts it in the Raft log, waits for it to apply, suppresses duplicates and snapshots; {@link
 * simlab.kv.KvStateMachine} holds only the map and executes Get/Put/Append/Delete in log order, so
 * reads are linearizable without leases. The service is chosen through {@link simlab.kv.KvService}
 * (the reference, or {@code --impl kv=CLASS}).
 */
package simlab.kv;
