package simlab.raft;

import com.google.common.collect.ImmutableList;
import simlab.sim.Rpc;

/** Figure 2 AppendEntries arguments; an empty {@code entries} list is a heartbeat. */
public record AppendEntries(
    int term,
    int leader,
    int prevLogIndex,
    int prevLogTerm,
    ImmutableList<LogEntry> entries,
    int leaderCommit)
    implements Rpc<AppendEntriesReply>, Message {}
