package simlab.rsm;

import java.util.List;
import simlab.raft.RaftFactory;
import simlab.sim.Killable;
import simlab.sim.NodeContext;
import simlab.sim.ValueCodec;

/**
 * 6.5840 2025's rsm test server ({@code rsm/server.go}): a counter under the RSM being graded. Inc
 * and Dec change it and answer its new value; Null changes nothing. The tests read {@link #counter}
 * of every replica directly, as the Go tester reads {@code rs.counter}.
 */
final class CounterServer implements StateMachine, Killable {
  record Inc() {}

  record Dec() {}

  record Null() {}

  record IncRep(int n) {}

  record DecRep(int n) {}

  record NullRep() {}

  final ReplicatedStateMachine rsm;
  int counter;

  CounterServer(
      NodeContext ctx,
      List<String> servers,
      int me,
      RsmFactory rsmFactory,
      RaftFactory raftFactory,
      int maxRaftState) {
    this.rsm = rsmFactory.make(ctx, servers, me, raftFactory, maxRaftState, this);
  }

  @Override
  public Object doOp(Object req) {
    if (req instanceof Inc) {
      counter++;
      return new IncRep(counter);
    }
    if (req instanceof Dec) {
      counter--;
      return new DecRep(counter);
    }
    if (req instanceof Null) {
      return new NullRep();
    }
    return null;
  }

  @Override
  public byte[] snapshot() {
    return ValueCodec.encode(counter);
  }

  @Override
  public void restore(byte[] snapshot) {
    counter = (Integer) ValueCodec.decode(snapshot);
  }

  @Override
  public void kill() {
    rsm.kill();
  }
}
