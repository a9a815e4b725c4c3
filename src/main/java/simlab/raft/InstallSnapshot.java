package simlab.raft;

import simlab.sim.Rpc;

/** Figure 13 InstallSnapshot arguments, sent in one piece (no offset/done chunking). */
public record InstallSnapshot(
    int term, int leader, int lastIncludedIndex, int lastIncludedTerm, byte[] data)
    implements Rpc<InstallSnapshotReply>, Message {}
