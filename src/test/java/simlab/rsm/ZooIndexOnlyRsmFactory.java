package simlab.rsm;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import simlab.raft.ApplyMsg;
import simlab.raft.ForwardingRaft;
import simlab.raft.Raft;
import simlab.raft.RaftFactory;
import simlab.sim.NodeContext;

/**
 * Deliberately broken (for the 2025 evidence): the reference RSM, except that a waiting Submit is
 * answered by whatever entry is applied at the index Raft gave it, without comparing the term. When
 * a leader loses its uncommitted entry to another leader's entry at the same index, its caller gets
 * the other command's result as its own (a Put reported OK that never applied, a Get answered with
 * another Get's value).
 *
 * <p>Made as a thin layer between the reference {@link Rsm} and its Raft: the layer remembers the
 * term Start returned for each index and hands the RSM every applied command at that index with
 * that term, so the RSM's own term check always passes.
 */
public final class ZooIndexOnlyRsmFactory implements RsmFactory {
  @Override
  public ReplicatedStateMachine make(
      NodeContext ctx,
      List<String> servers,
      int me,
      RaftFactory raftFactory,
      int maxRaftState,
      StateMachine sm) {
    Map<Integer, Integer> startedTerm = new TreeMap<>();
    RaftFactory indexOnly =
        (c, peers, i, applyCh) -> {
          Consumer<ApplyMsg> rewrite =
              msg -> {
                if (msg instanceof ApplyMsg.Command cmd) {
                  Integer term = startedTerm.remove(cmd.index());
                  if (term != null && term != cmd.term()) {
                    msg = new ApplyMsg.Command(cmd.index(), term, cmd.command());
                  }
                }
                applyCh.accept(msg);
              };
          Raft inner = raftFactory.make(c, peers, i, rewrite);
          return new ForwardingRaft(inner) {
            @Override
            public StartResult start(Object command) {
              StartResult r = inner.start(command);
              if (r.isLeader()) {
                startedTerm.put(r.index(), r.term());
              }
              return r;
            }
          };
        };
    return new Rsm(
        ctx,
        servers,
        me,
        indexOnly,
        maxRaftState,
        sm,
        Rsm.Dedup.NONE,
        Rsm.WaitPolicy.UNTIL_LEADERSHIP_CHANGES);
  }
}
