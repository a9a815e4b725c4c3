/**
 * Sequential models for the checker: key/value ({@link simlab.linearizability.model.KvModel}),
 * versioned key/value ({@link simlab.linearizability.model.VersionedKvModel}), a string register
 * ({@link simlab.linearizability.model.RegisterModel}) and Jepsen's etcd CAS register ({@link
 * simlab.linearizability.model.EtcdModel}). Inputs and outputs are records.
 */
package simlab.linearizability.model;
