package simlab.linearizability.model;

/** The operations of the Jepsen etcd register test. */
public enum EtcdOp {
  READ,
  WRITE,
  CAS
}
