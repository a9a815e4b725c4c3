package simlab.kvsrv1;

/** OK, ErrNoKey or ErrVersion (a server never answers ErrMaybe). */
public record PutReply(Err err) {}
