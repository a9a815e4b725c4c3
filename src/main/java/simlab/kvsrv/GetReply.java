package simlab.kvsrv;

/** The key's value, "" when it has none. */
public record GetReply(String value) {}
