package simlab.raft;

/** One log entry: the term in which a leader created it and the service's command. */
public record LogEntry(int term, Object command) {}
