package simlab.rsm;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * Builds one replica of a replicated state machine (6.5840 2025's {@code MakeRSM(servers, me,
 * persister, maxraftstate, sm)}): the 2025 lab 4A implementation kind ({@code --impl rsm=CLASS},
 * {@code -Dsim.rsm=CLASS}). The replica builds its Raft peer with {@code raftFactory} on {@code
 * ctx}, restores the snapshot in {@code ctx.persister()} (if any) into {@code sm} before Raft
 * replays its log, and snapshots once the persisted Raft state reaches {@code maxRaftState} bytes
 * (−1: never). A public class with a no-argument constructor.
 */
@FunctionalInterface
public interface RsmFactory {
  ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm);
}
