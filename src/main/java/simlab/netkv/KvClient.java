package simlab.netkv;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import simlab.kv.Err;
import simlab.kv.KvReply;
import simlab.kv.Op;
import simlab.net.NetRuntime;

/**
 * A blocking KV client for a terminal or a test: one client runtime (an event loop, no listening
 * socket), one {@link NetClerk}, and optionally a {@link HistoryLog} that records every operation
 * with wall-clock times.
 */
public final class KvClient implements AutoCloseable {
  private final NetRuntime runtime;
  private final NetClerk clerk;
  private final HistoryLog history;
  private final int historyClient;

  private KvClient(NetRuntime runtime, NetClerk clerk, HistoryLog history) {
    this.runtime = runtime;
    this.clerk = clerk;
    this.history = history;
    this.historyClient = (int) (clerk.clientId() >>> 33);
  }

  /** A client of the nodes {@code config} lists; {@code history} may be null. */
  public static KvClient connect(NodeConfig config, HistoryLog history) {
    byte[] name = new byte[4];
    // unseeded randomness ok: a real client's unique id
    new java.security.SecureRandom().nextBytes(name);
    String id = "client-" + HexFormat.of().formatHex(name);
    NetRuntime.Options options =
        new NetRuntime.Options(id, config.resolved(), false, config.rpcTimeout(), t -> {});
    NetRuntime rt = NetRuntime.start(options, new simlab.sim.Persister(), ctx -> null).runtime();
    return new KvClient(rt, new NetClerk(rt, config.ids()), history);
  }

  /**
   * Runs one operation and waits for it. Returns the value a get read, or empty for a missing key
   * (and for the writes). Throws {@link NoLeaderException} after {@code timeout}.
   */
  public Optional<String> run(Op op, String key, String value, Duration timeout) {
    long call = HistoryLog.now();
    KvReply reply;
    try {
      // The clerk's own deadline ends the wait; the bound here only guards against a client
      // runtime that died (its timers no longer run).
      reply =
          clerk
              .submit(op, key, value, timeout)
              .get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (history != null) {
        history.unfinished(historyClient, op, key, value, call);
      }
      throw new NoLeaderException(
          "no answer within " + timeout.toMillis() + " ms: the client's event loop stopped");
    } catch (ExecutionException e) {
      if (history != null) {
        history.unfinished(historyClient, op, key, value, call);
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (history != null) {
        history.unfinished(historyClient, op, key, value, call);
      }
      throw new NoLeaderException("interrupted");
    }
    long ret = HistoryLog.now();
    if (history != null) {
      history.completed(historyClient, op, key, value, reply.value(), call, ret);
    }
    if (op == Op.GET && reply.err() == Err.OK) {
      return Optional.of(reply.value());
    }
    return Optional.empty();
  }

  public Optional<String> get(String key, Duration timeout) {
    return run(Op.GET, key, "", timeout);
  }

  public void put(String key, String value, Duration timeout) {
    run(Op.PUT, key, value, timeout);
  }

  public void append(String key, String value, Duration timeout) {
    run(Op.APPEND, key, value, timeout);
  }

  public void delete(String key, Duration timeout) {
    run(Op.DELETE, key, "", timeout);
  }

  /** Asks one server for its role; empty when it does not answer within the RPC timeout. */
  public Optional<NodeStatus> status(String server) {
    java.util.concurrent.CompletableFuture<Optional<NodeStatus>> f =
        new java.util.concurrent.CompletableFuture<>();
    runtime.execute(() -> runtime.call(server, new StatusRequest(), f::complete));
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    runtime.close();
  }
}
