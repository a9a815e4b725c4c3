package simlab.raft;

/** Figure 13 InstallSnapshot result. */
public record InstallSnapshotReply(int term) implements Reply {}
