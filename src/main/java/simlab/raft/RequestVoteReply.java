package simlab.raft;

/** Figure 2 RequestVote results. */
public record RequestVoteReply(int term, boolean voteGranted) implements Reply {}
