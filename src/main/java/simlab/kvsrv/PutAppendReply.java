package simlab.kvsrv;

/** For Append, the value the key had before (as 6.5840 2024 does); "" for Put. */
public record PutAppendReply(String value) {}
