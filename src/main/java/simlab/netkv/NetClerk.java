package simlab.netkv;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import simlab.kv.Command;
import simlab.kv.Err;
import simlab.kv.KvReply;
import simlab.kv.KvRequest;
import simlab.kv.Op;
import simlab.net.NetRuntime;
import simlab.sim.Timer;

/**
 * A client of the KV service on a real network, speaking the same protocol as {@link
 * simlab.kv.ReferenceClerk}: each operation is named (clientId, seq) so a retried write is applied
 * once; the clerk remembers the last leader and moves to the next server on ERR_WRONG_LEADER,
 * ERR_TIMEOUT or no reply, pausing {@link #ROUND_PAUSE} after every full round. Unlike the
 * simulated clerk it gives up after a deadline (a terminal user wants an answer) and reports a Get
 * of a missing key (ERR_NO_KEY) apart from an empty value, so the client can print {@code (nil)}.
 *
 * <p>One operation at a time: {@link #submit} may be called from any thread once the previous
 * operation's future has completed; the work runs on the runtime's event loop.
 */
public final class NetClerk {
  static final Duration ROUND_PAUSE = Duration.ofMillis(10);

  private final NetRuntime runtime;
  private final List<String> servers;
  private final long clientId;
  private long seq;
  private int leader;

  public NetClerk(NetRuntime runtime, List<String> servers) {
    this.runtime = runtime;
    this.servers = List.copyOf(servers);
    this.clientId = runtime.callOnLoop(() -> runtime.random().nextLong());
    this.leader = runtime.callOnLoop(() -> runtime.random().nextInt(servers.size()));
  }

  public long clientId() {
    return clientId;
  }

  /**
   * Runs one operation. The future completes with the server's reply (err OK or ERR_NO_KEY), or
   * exceptionally with {@link NoLeaderException} once {@code timeout} passes without one; a write
   * may still take effect after that.
   */
  public CompletableFuture<KvReply> submit(Op op, String key, String value, Duration timeout) {
    CompletableFuture<KvReply> result = new CompletableFuture<>();
    runtime.execute(
        () -> {
          Command c = new Command(op, key, value, clientId, ++seq);
          Attempt a = new Attempt(c, result);
          a.deadline =
              runtime.schedule(
                  timeout,
                  () ->
                      result.completeExceptionally(
                          new NoLeaderException(
                              "no leader reachable within "
                                  + timeout.toMillis()
                                  + " ms (servers "
                                  + String.join(", ", servers)
                                  + "; last: "
                                  + a.lastOutcome
                                  + ")")));
          attempt(a, 0);
        });
    return result;
  }

  private static final class Attempt {
    final Command command;
    final CompletableFuture<KvReply> result;
    Timer deadline;
    String lastOutcome = "no answer yet";

    Attempt(Command command, CompletableFuture<KvReply> result) {
      this.command = command;
      this.result = result;
    }
  }

  private void attempt(Attempt a, int tries) {
    if (a.result.isDone()) {
      return;
    }
    String server = servers.get(leader);
    runtime.call(
        server,
        new KvRequest(a.command),
        (Optional<KvReply> reply) -> {
          if (reply.isPresent()
              && (reply.get().err() == Err.OK || reply.get().err() == Err.ERR_NO_KEY)) {
            a.deadline.cancel();
            a.result.complete(reply.get());
            return;
          }
          a.lastOutcome =
              server + " " + (reply.isPresent() ? reply.get().err().name() : "did not answer");
          leader = (leader + 1) % servers.size();
          int next = tries + 1;
          if (next % servers.size() == 0) {
            runtime.schedule(ROUND_PAUSE, () -> attempt(a, next));
          } else {
            attempt(a, next);
          }
        });
  }
}
