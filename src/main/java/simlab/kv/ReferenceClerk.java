package simlab.kv;

import static simlab.client.Futures.whenDone;

import java.time.Duration;
import java.util.List;
import simlab.client.OneAtATime;
import simlab.sim.NodeContext;
import simlab.sim.SimFuture;

/**
 * The reference clerk. It names each operation (clientId, seq) so servers can drop duplicates,
 * remembers which server last answered as leader, and moves on to the next server on
 * ERR_WRONG_LEADER, ERR_TIMEOUT or no reply. After a full round of servers without success it
 * pauses {@link #ROUND_PAUSE} so an election can finish instead of flooding the network.
 */
public final class ReferenceClerk implements Clerk {
  static final Duration ROUND_PAUSE = Duration.ofMillis(10);

  private final NodeContext ctx;
  private final List<String> servers;
  private final long clientId;
  private final OneAtATime<Queued> queue = new OneAtATime<>(this::start);
  private long seq;
  private int leader;

  private record Queued(Op op, String key, String value, SimFuture<String> result) {}

  public ReferenceClerk(NodeContext ctx, List<String> servers) {
    this.ctx = ctx;
    this.servers = List.copyOf(servers);
    this.clientId = ctx.random().nextLong();
    this.leader = ctx.random().nextInt(servers.size());
  }

  @Override
  public SimFuture<String> get(String key) {
    return submit(Op.GET, key, "");
  }

  @Override
  public SimFuture<Void> put(String key, String value) {
    return whenDone(submit(Op.PUT, key, value));
  }

  @Override
  public SimFuture<Void> append(String key, String value) {
    return whenDone(submit(Op.APPEND, key, value));
  }

  @Override
  public SimFuture<Void> delete(String key) {
    return whenDone(submit(Op.DELETE, key, ""));
  }

  private SimFuture<String> submit(Op op, String key, String value) {
    Queued q = new Queued(op, key, value, new SimFuture<>());
    queue.submit(q);
    return q.result();
  }

  private void start(Queued q) {
    attempt(new Command(q.op(), q.key(), q.value(), clientId, ++seq), q, 0);
  }

  private void attempt(Command c, Queued q, int tries) {
    ctx.call(
        servers.get(leader),
        new KvRequest(c),
        reply -> {
          if (reply.isPresent()
              && (reply.get().err() == Err.OK || reply.get().err() == Err.ERR_NO_KEY)) {
            q.result().complete(reply.get().value());
            queue.finishCurrent();
            return;
          }
          leader = (leader + 1) % servers.size();
          int next = tries + 1;
          if (next % servers.size() == 0) {
            ctx.schedule("retry", ROUND_PAUSE, () -> attempt(c, q, next));
          } else {
            attempt(c, q, next);
          }
        });
  }
}
