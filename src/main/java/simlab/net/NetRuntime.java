package simlab.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import simlab.logging.Logs;
import simlab.sim.NodeContext;
import simlab.sim.NodeFactory;
import simlab.sim.Rpc;
import simlab.sim.Storage;
import simlab.sim.Timer;

/**
 * {@link NodeContext} on real sockets and the wall clock. Each node owns one Netty event loop, a
 * single thread that does the node's socket I/O, its timers and every call into its code (the
 * factory, handlers, reply callbacks, timer actions), so a node runs one event at a time exactly as
 * in the simulator and needs no locks.
 *
 * <p>RPCs: a call opens (or reuses) one TCP connection to the peer and sends a request frame; the
 * reply comes back on the same connection. The callback runs exactly once: with the reply, or with
 * {@link Optional#empty()} when the connection cannot be opened, closes before the reply, the peer
 * answers "no reply", or {@link #rpcTimeout} passes (labrpc's {@code ok == false}). A closed
 * connection is forgotten, and the next call to that peer opens a new one: that is the
 * reconnection.
 *
 * <p>What differs from the simulator: time is real, so runs do not replay; the random stream is
 * seeded from {@link SecureRandom}; a node that throws is reported to the failure handler (the
 * server process exits, crash-stop) instead of failing a run.
 */
public final class NetRuntime implements NodeContext, AutoCloseable {
  private final String id;
  private final List<String> peers;
  private final Map<String, InetSocketAddress> addresses;
  private final InetSocketAddress listen;
  private final Storage storage;
  private final Duration rpcTimeout;
  private final Consumer<Throwable> onFailure;
  private final NioEventLoopGroup group;
  private final EventLoop loop;
  // unseeded randomness ok: a real node's election timeouts; runs on real time do not replay
  private final RandomGenerator random = new SplittableRandom(new SecureRandom().nextLong());
  private final long startNanos =
      System.nanoTime(); // wall-clock ok: real network, not a simulation
  private final Logger logger;

  // Everything below is touched by the event-loop thread only.
  private final Map<Class<?>, Handler> handlers = new HashMap<>();
  private final Map<Long, PendingCall> pending = new HashMap<>();
  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final List<Channel> inbound = new ArrayList<>();
  private final Map<Class<?>, WireCodec.Shape> shapes = new HashMap<>();

  /** Frames sent since the last save, held until that save is durable (see {@link #release}). */
  private final List<Runnable> held = new ArrayList<>();

  /**
   * Requests of {@link Options#sentBeforeSync} types sent since the last save: they leave at the
   * end of the turn, just before its fsync (see {@link #flushHeld}).
   */
  private final List<Runnable> early = new ArrayList<>();

  private final FilePersister groupCommit;
  private final Set<Class<?>> answeredFromCommitted;
  private final Set<Class<?>> sentBeforeSync;
  private boolean flushScheduled;
  private long nextCallId;
  private Channel serverChannel;
  private volatile boolean alive = true;

  /**
   * How a node is wired: its id, every node's address (peers and itself), where it listens; {@code
   * answeredFromCommitted}, the request types whose replies need not wait for the group commit's
   * fsync (see {@link #release}); and {@code sentBeforeSync}, the request types this node may send
   * before the saves that precede them are durable, right before the fsync that covers them (see
   * {@link #flushHeld}).
   */
  public record Options(
      String id,
      Map<String, InetSocketAddress> addresses,
      boolean listens,
      Duration rpcTimeout,
      Consumer<Throwable> onFailure,
      Set<Class<?>> answeredFromCommitted,
      Set<Class<?>> sentBeforeSync) {
    public Options {
      answeredFromCommitted = Set.copyOf(answeredFromCommitted);
      sentBeforeSync = Set.copyOf(sentBeforeSync);
    }

    /** Every frame waits for the fsync of the saves before it. */
    public Options(
        String id,
        Map<String, InetSocketAddress> addresses,
        boolean listens,
        Duration rpcTimeout,
        Consumer<Throwable> onFailure) {
      this(id, addresses, listens, rpcTimeout, onFailure, Set.of(), Set.of());
    }
  }

  private record Handler(Function<Object, Object> sync, AsyncHandler<Object, Object> async) {}

  private NetRuntime(Options o, Storage storage) {
    this.id = o.id();
    this.addresses = Map.copyOf(o.addresses());
    // NodeContext.peers(): every member, itself included, in the configuration's order.
    this.peers = List.copyOf(o.addresses().keySet());
    this.listen = o.listens() ? o.addresses().get(id) : null;
    if (o.listens() && listen == null) {
      throw new IllegalArgumentException("node " + id + " has no address to listen on");
    }
    this.storage = storage;
    this.groupCommit = storage instanceof FilePersister fp ? fp : null;
    // Alone in its group a node commits an entry by its own save, before the fsync: nothing can
    // then be answered ahead of it (see release()).
    this.answeredFromCommitted = peers.size() > 1 ? o.answeredFromCommitted() : Set.of();
    this.sentBeforeSync = o.sentBeforeSync();
    this.rpcTimeout = o.rpcTimeout();
    this.onFailure = o.onFailure();
    this.logger = Logs.node(id);
    this.group =
        new NioEventLoopGroup(
            1,
            r -> {
              Thread t = new Thread(r, "simlab-node-" + id);
              t.setDaemon(true);
              return t;
            });
    this.loop = group.next();
    if (groupCommit != null) {
      groupCommit.groupCommit(this::scheduleFlush);
    }
  }

  // ---- group commit -------------------------------------------------------------------------

  /**
   * Sends a frame, or holds it while a save is not yet durable. Raft's rule is that nothing that
   * depends on new state leaves before that state is on disk; holding every frame sent after a save
   * until one fsync has covered it keeps the rule and lets a burst of events (many client requests
   * read in one I/O round, many appends) share that fsync. The fsync runs once per event-loop turn,
   * after the turn's I/O and tasks ({@link #flushHeld}), so everything a turn saves shares it.
   *
   * <p>Replies to the request types of {@link Options#answeredFromCommitted} go out at once: a
   * service that answers only from committed entries (the KV server answers once the command is
   * applied, or with an error that carries no state) depends on nothing the pending saves hold,
   * since a committed entry is already durable on a majority. On the leader it is durable too: a
   * commit needs a follower's acknowledgement, which is handled in a later turn than the one whose
   * fsync made the leader's copy durable (see {@link #flushHeld}). Alone in a group a node commits
   * by its own save, so there this shortcut is off. Without it the answer waited for an fsync of
   * later clients' entries, one more disk round per operation.
   */
  private void release(Runnable send) {
    if (groupCommit != null && groupCommit.dirty()) {
      held.add(send);
      scheduleFlush();
    } else {
      send.run();
    }
  }

  /** A request of a {@link Options#sentBeforeSync} type: held only until the end of the turn. */
  private void releaseEarly(Runnable send) {
    if (groupCommit != null && groupCommit.dirty()) {
      early.add(send);
      scheduleFlush();
    } else {
      send.run();
    }
  }

  private void scheduleFlush() {
    if (!flushScheduled && !loop.isShuttingDown()) {
      flushScheduled = true;
      // After this turn's I/O and every task it queued (the Raft driver's deferred replication
      // pass among them), so one fsync covers the whole turn.
      ((SingleThreadEventLoop) loop).executeAfterEventLoopIteration(this::flushHeld);
    }
  }

  /**
   * The end of a turn that saved: the early requests leave, then one fsync, then every held frame,
   * in order.
   *
   * <p>Sending the early requests (a Raft leader's AppendEntries) before the fsync lets the
   * followers write the entries to their disks while the leader writes them to its own, the
   * parallel write of the Raft thesis §10.2.1, instead of one disk write after the other. The
   * thesis makes that safe if the leader counts itself towards a commit only once its own copy is
   * durable; here that holds without telling Raft, because the fsync runs on the event loop before
   * it handles anything else: any acknowledgement of those entries is read in a later turn, by
   * which time the leader's copy is on disk. Should the fsync fail, the node stops (as a crash
   * right after sending would).
   */
  private void flushHeld() {
    flushScheduled = false;
    if (!alive) {
      held.clear();
      early.clear();
      return;
    }
    List<Runnable> before = new ArrayList<>(early);
    early.clear();
    for (Runnable r : before) {
      r.run();
    }
    guarded("flush", groupCommit::flush);
    if (!alive) {
      held.clear();
      return;
    }
    List<Runnable> toSend = new ArrayList<>(held);
    held.clear();
    for (Runnable r : toSend) {
      r.run();
    }
  }

  /**
   * Starts a node: builds it with {@code factory} on its event loop, then (for a server) listens on
   * its address. Returns the runtime and the node. Fails with a {@link NetException} saying why
   * when the address cannot be bound.
   */
  public static <T> Started<T> start(Options options, Storage storage, NodeFactory<T> factory) {
    NetRuntime rt = new NetRuntime(options, storage);
    try {
      T node = rt.callOnLoop(() -> factory.create(rt));
      if (rt.listen != null) {
        rt.bind();
      }
      return new Started<>(rt, node);
    } catch (RuntimeException e) {
      rt.close();
      throw e;
    }
  }

  /** A started node and its runtime. */
  public record Started<T>(NetRuntime runtime, T node) {}

  private void bind() {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group, group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    inbound.add(ch);
                    ch.closeFuture().addListener(f -> inbound.remove(ch));
                    ch.pipeline().addLast(framer(), new Endpoint(null));
                  }
                });
    ChannelFuture f = b.bind(listen).awaitUninterruptibly();
    if (!f.isSuccess()) {
      throw new NetException(
          "node "
              + id
              + " cannot listen on "
              + listen.getHostString()
              + ":"
              + listen.getPort()
              + ": "
              + f.cause().getMessage());
    }
    serverChannel = f.channel();
  }

  private static LengthFieldBasedFrameDecoder framer() {
    return new LengthFieldBasedFrameDecoder(Frames.MAX_FRAME, 0, 4, 0, 4);
  }

  // ---- running code on the node's thread -------------------------------------------------

  /** Runs {@code action} on the node's event loop, as one event; ignored once the node is dead. */
  public void execute(Runnable action) {
    if (!loop.isShuttingDown()) {
      loop.execute(() -> guarded("external event", action));
    }
  }

  /**
   * Runs {@code action} on the node's event loop and waits for its result (for tests and the CLI).
   */
  public <T> T callOnLoop(Supplier<T> action) {
    if (loop.inEventLoop()) {
      return action.get();
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    loop.execute(
        () -> {
          try {
            f.complete(action.get());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetException("interrupted while waiting for node " + id);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new NetException("node " + id + " failed: " + e.getCause());
    } catch (TimeoutException e) {
      throw new NetException("node " + id + " did not answer within 60 s");
    }
  }

  private void guarded(String event, Runnable action) {
    if (!alive) {
      return;
    }
    try {
      action.run();
    } catch (Throwable t) {
      logger.error("node {} failed in {}: {}", id, event, t.toString(), t);
      alive = false;
      onFailure.accept(t);
    }
  }

  private void checkLoop() {
    if (!loop.inEventLoop()) {
      throw new IllegalStateException(
          "node "
              + id
              + " was called from thread "
              + Thread.currentThread().getName()
              + ", not its event loop; use execute() to enter the node");
    }
  }

  // ---- NodeContext ------------------------------------------------------------------------

  @Override
  public String id() {
    return id;
  }

  @Override
  public Duration now() {
    return Duration.ofNanos(nowNanos());
  }

  @Override
  public long nowNanos() {
    return System.nanoTime() - startNanos; // wall-clock ok: real network, not a simulation
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Storage persister() {
    return storage;
  }

  @Override
  public List<String> peers() {
    return peers;
  }

  @Override
  public boolean alive() {
    return alive;
  }

  @Override
  public void log(String message) {
    if (logger.isDebugEnabled()) {
      logger.debug("[{} ms] {}", nowNanos() / 1_000_000, message);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends Rpc<R>, R> void handle(Class<Q> type, Function<Q, R> handler) {
    register(type, new Handler((Function<Object, Object>) (Function<?, ?>) handler, null));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends Rpc<R>, R> void handleAsync(Class<Q> type, AsyncHandler<Q, R> handler) {
    register(type, new Handler(null, (AsyncHandler<Object, Object>) (AsyncHandler<?, ?>) handler));
  }

  private void register(Class<?> type, Handler h) {
    checkLoop();
    if (handlers.putIfAbsent(type, h) != null) {
      throw new IllegalStateException(
          "node " + id + " registered two handlers for " + type.getName());
    }
  }

  @Override
  public void annotate(String text) {
    log("annotation: " + text);
  }

  @Override
  public void status(String keyValues) {
    // No run report on a real network: the status is only worth a debug line.
    log("status: " + keyValues);
  }

  @Override
  public Timer schedule(String name, Duration delay, Runnable action) {
    checkLoop();
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "node " + id + " scheduled a timer with negative delay " + delay);
    }
    NetTimer t = new NetTimer();
    Runnable task =
        () -> {
          if (t.pending) {
            t.pending = false;
            guarded(name, action);
          }
        };
    if (delay.isZero()) {
      loop.execute(task);
    } else {
      t.future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
    return t;
  }

  /** A timer on the event loop; only the loop thread touches it. */
  private static final class NetTimer implements Timer {
    boolean pending = true;
    ScheduledFuture<?> future;

    @Override
    public void cancel() {
      if (pending) {
        pending = false;
        if (future != null) {
          future.cancel(false);
        }
      }
    }

    @Override
    public boolean pending() {
      return pending;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R> void call(String peer, Rpc<R> request, Consumer<Optional<R>> onReply) {
    checkLoop();
    if (!alive) {
      return;
    }
    InetSocketAddress address = addresses.get(peer);
    if (address == null) {
      throw new IllegalArgumentException(
          "node " + id + " called " + peer + ", which is not a configured node");
    }
    Connection c = connections.get(peer);
    if (c == null) {
      c = new Connection(peer, address);
      connections.put(peer, c);
      c.open();
    }
    long callId = ++nextCallId;
    ByteBuf frame =
        c.encode(
            Frames.REQUEST, callId, request); // throws on a mutable message, like the simulator
    PendingCall pc = new PendingCall(c, (Consumer<Optional<Object>>) (Consumer<?>) onReply);
    pending.put(callId, pc);
    pc.timeout =
        loop.schedule(
            () -> finish(callId, Optional.empty()), rpcTimeout.toNanos(), TimeUnit.NANOSECONDS);
    Connection target = c;
    if (sentBeforeSync.contains(request.getClass())) {
      releaseEarly(() -> target.send(frame));
    } else {
      release(() -> target.send(frame));
    }
  }

  private static final class PendingCall {
    final Connection connection;
    final Consumer<Optional<Object>> onReply;
    ScheduledFuture<?> timeout;

    PendingCall(Connection connection, Consumer<Optional<Object>> onReply) {
      this.connection = connection;
      this.onReply = onReply;
    }
  }

  /**
   * Ends a call exactly once: the first of reply, "no reply", closed connection and timeout wins.
   */
  private void finish(long callId, Optional<Object> reply) {
    PendingCall pc = pending.remove(callId);
    if (pc == null) {
      return;
    }
    if (pc.timeout != null) {
      pc.timeout.cancel(false);
    }
    guarded("reply", () -> pc.onReply.accept(reply));
  }

  private void failCallsOn(Connection c) {
    List<Long> ids = new ArrayList<>();
    for (Map.Entry<Long, PendingCall> e : pending.entrySet()) {
      if (e.getValue().connection == c) {
        ids.add(e.getKey());
      }
    }
    ids.sort(null);
    for (long callId : ids) {
      finish(callId, Optional.empty());
    }
  }

  /**
   * One outgoing TCP connection to a peer, for as long as it lives. Frames sent while it is still
   * connecting wait in order; if it fails or closes, its calls get "no reply" and the next call
   * opens a fresh connection (with a fresh type dictionary).
   */
  private final class Connection {
    final String peer;
    final InetSocketAddress address;
    final WireCodec.Writer writer = new WireCodec.Writer(shapes);
    final List<ByteBuf> queued = new ArrayList<>();
    Channel channel;
    boolean connected;
    boolean closed;

    Connection(String peer, InetSocketAddress address) {
      this.peer = peer;
      this.address = address;
    }

    void open() {
      Bootstrap b =
          new Bootstrap()
              .group(loop)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(
                  ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, rpcTimeout.toMillis()))
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline().addLast(framer(), new Endpoint(Connection.this));
                    }
                  });
      ChannelFuture f = b.connect(address);
      channel = f.channel();
      f.addListener(
          done -> {
            if (done.isSuccess() && !closed) {
              connected = true;
              for (ByteBuf q : queued) {
                channel.write(q, channel.voidPromise());
              }
              queued.clear();
              channel.flush();
            } else {
              closed();
            }
          });
      channel.closeFuture().addListener(done -> closed());
    }

    ByteBuf encode(int kind, long callId, Object body) {
      return NetRuntime.encode(writer, kind, callId, body);
    }

    void send(ByteBuf frame) {
      if (closed) {
        frame.release();
      } else if (connected) {
        channel.writeAndFlush(frame, channel.voidPromise());
      } else {
        queued.add(frame);
      }
    }

    void closed() {
      if (closed) {
        return;
      }
      closed = true;
      for (ByteBuf q : queued) {
        q.release();
      }
      queued.clear();
      if (connections.get(peer) == this) {
        connections.remove(peer);
      }
      channel.close();
      // Never inside the caller: a write that fails at once closes the channel synchronously,
      // within call(), and a Raft peer calls while it carries out a Ready; a "no reply" run
      // there would step Raft before that Ready is advanced. The simulator never answers
      // within call() either, so the calls fail in a task of their own.
      if (!loop.isShuttingDown()) {
        try {
          loop.execute(() -> failCallsOn(this));
        } catch (RejectedExecutionException e) {
          // the node is stopping: nobody waits for these calls any more
        }
      }
    }
  }

  private static ByteBuf encode(WireCodec.Writer writer, int kind, long callId, Object body) {
    WireCodec.Bytes out = new WireCodec.Bytes(64);
    out.reserve(4);
    out.putByte(kind);
    out.putLong(callId);
    if (kind != Frames.NO_REPLY) {
      writer.write(body, out);
    }
    out.putIntAt(0, out.size() - 4);
    return Unpooled.wrappedBuffer(out.array(), 0, out.size());
  }

  /**
   * The last handler of every channel. On a connection this node opened it receives replies; on one
   * it accepted it receives requests and answers on the same channel. Each channel has its own type
   * dictionaries, one per direction.
   */
  private final class Endpoint extends ChannelInboundHandlerAdapter {
    private final Connection connection;
    private final WireCodec.Reader reader = new WireCodec.Reader(shapes);
    private final WireCodec.Writer writer;

    Endpoint(Connection connection) {
      this.connection = connection;
      this.writer = connection != null ? null : new WireCodec.Writer(shapes);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      Frames.Frame frame;
      try {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        WireCodec.Input in = new WireCodec.Input(bytes, 0, bytes.length);
        int kind = in.u8();
        long callId = in.readLong();
        Object body = kind == Frames.NO_REPLY ? null : reader.read(in);
        frame = new Frames.Frame(kind, callId, body);
      } catch (RuntimeException e) {
        logger.warn(
            "node {}: dropping a connection that sent a malformed frame: {}", id, e.getMessage());
        ctx.close();
        return;
      } finally {
        buf.release();
      }
      if (connection == null) {
        if (frame.kind() == Frames.REQUEST) {
          serve(ctx.channel(), frame);
        } else {
          ctx.close();
        }
      } else if (frame.kind() == Frames.REPLY) {
        PendingCall pc = pending.get(frame.callId());
        if (pc != null && pc.connection == connection) {
          finish(frame.callId(), Optional.ofNullable(frame.body()));
        }
      } else if (frame.kind() == Frames.NO_REPLY) {
        PendingCall pc = pending.get(frame.callId());
        if (pc != null && pc.connection == connection) {
          finish(frame.callId(), Optional.empty());
        }
      } else {
        ctx.close();
      }
    }

    private void serve(Channel ch, Frames.Frame frame) {
      long callId = frame.callId();
      Handler h = frame.body() == null ? null : handlers.get(frame.body().getClass());
      if (!alive || h == null) {
        answer(ch, Frames.NO_REPLY, callId, null, false);
        return;
      }
      boolean committedOnly = answeredFromCommitted.contains(frame.body().getClass());
      if (h.sync() != null) {
        guarded(
            "request " + frame.body().getClass().getSimpleName(),
            () -> answer(ch, Frames.REPLY, callId, h.sync().apply(frame.body()), committedOnly));
      } else {
        NetResponder responder = new NetResponder(ch, callId, committedOnly);
        guarded(
            "request " + frame.body().getClass().getSimpleName(),
            () -> h.async().handle(frame.body(), responder));
      }
    }

    private void answer(Channel ch, int kind, long callId, Object body, boolean committedOnly) {
      ByteBuf frame = encode(writer, kind, callId, body);
      Runnable send =
          () -> {
            if (ch.isActive()) {
              ch.writeAndFlush(frame, ch.voidPromise());
            } else {
              frame.release();
            }
          };
      if (committedOnly) {
        send.run();
      } else {
        release(send);
      }
    }

    /** Answers one request once; a reply after the node died or the caller hung up goes nowhere. */
    private final class NetResponder implements Responder<Object> {
      private final Channel ch;
      private final long callId;
      private final boolean committedOnly;
      private boolean done;

      NetResponder(Channel ch, long callId, boolean committedOnly) {
        this.ch = ch;
        this.callId = callId;
        this.committedOnly = committedOnly;
      }

      @Override
      public void reply(Object reply) {
        if (!done && alive) {
          done = true;
          answer(ch, Frames.REPLY, callId, reply, committedOnly);
        }
      }

      @Override
      public void fail() {
        if (!done && alive) {
          done = true;
          answer(ch, Frames.NO_REPLY, callId, null, committedOnly);
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A reset or a frame over the size limit: the connection goes, its calls hear "no reply".
      logger.debug("node {}: connection error: {}", id, cause.toString());
      ctx.close();
    }
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /**
   * The address this node listens on (with the real port when the configured one was 0), or null.
   */
  public InetSocketAddress boundAddress() {
    return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
  }

  /**
   * Stops the node at once, as a crash would: no more events run, every socket closes, and this
   * returns once the event loop has stopped, so nothing writes to its storage afterwards. What the
   * node saved before stays on disk.
   */
  @Override
  public void close() {
    alive = false;
    if (!loop.isShuttingDown()) {
      loop.execute(
          () -> {
            if (serverChannel != null) {
              serverChannel.close();
            }
            for (Connection c : new ArrayList<>(connections.values())) {
              c.channel.close();
            }
            for (Channel ch : new ArrayList<>(inbound)) {
              ch.close();
            }
          });
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
