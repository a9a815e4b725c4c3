package simlab.raft;

import simlab.sim.Rpc;

/**
 * Raft thesis §9.6 Pre-Vote: "would you vote for me in {@code term}?", asked before a server starts
 * an election; {@code term} is the one it would campaign in (its own plus one), which nobody
 * adopts: the term check of {@link RaftCore#step} skips this message. Sent only by a peer running
 * with {@link RaftTiming#preVote()}.
 */
public record PreVote(int term, int candidate, int lastLogIndex, int lastLogTerm)
    implements Rpc<PreVoteReply>, Message {}
