package simlab.raft;

import simlab.sim.Rpc;

/** Figure 2 RequestVote arguments; {@code candidate} is the candidate's index in the peer list. */
public record RequestVote(int term, int candidate, int lastLogIndex, int lastLogTerm)
    implements Rpc<RequestVoteReply>, Message {}
