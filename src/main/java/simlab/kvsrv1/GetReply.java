package simlab.kvsrv1;

/** The value and version of a key, or ErrNoKey with "" and 0. */
public record GetReply(String value, long version, Err err) {}
