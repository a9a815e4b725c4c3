package simlab.sim;

import java.time.Duration;

/**
 * The labrpc numbers (6.5840 {@code labrpc.go}, identical in 2020, 2024 and 2025), in one place.
 * All delays are drawn uniformly from the network's own seeded stream.
 */
public final class NetworkConfig {
  private NetworkConfig() {}

  /** Unreliable mode: each request waits U{0..26} ms before it is processed (SHORTDELAY = 27). */
  public static final int UNRELIABLE_DELAY_MS = 27;

  /** Unreliable mode: a request is dropped with probability 100/1000, and so is a reply. */
  public static final int DROP_PER_MILLE = 100;

  /**
   * A call to a disconnected or dead server fails after U{0..6999} ms with long delays on
   * (LONGDELAY).
   */
  public static final int LONG_DELAY_MS = 7000;

  /** ... and after U{0..99} ms otherwise (kv tests need fast failover). */
  public static final int SHORT_FAIL_MS = 100;

  /** Long reordering: with probability 600/900 a reply is held back 200 + U{0..U{0..1999}} ms. */
  public static final int REORDER_NUMERATOR = 600;

  public static final int REORDER_DENOMINATOR = 900;
  public static final int REORDER_BASE_MS = 200;
  public static final int REORDER_SPREAD_MS = 2000;

  /**
   * Duplication (not in labrpc; the explorer's nemesis turns it on): with probability 250/1000 a
   * request is also delivered a second time, 100 + U{0..1499} ms after the first copy would have
   * arrived; the handler runs again and the copy's reply is discarded (the call already has its
   * answer), as with a retransmitting transport. Old requests thus reach a server after newer ones.
   */
  public static final int DUPLICATE_PER_MILLE = 250;

  public static final int DUPLICATE_BASE_MS = 100;
  public static final int DUPLICATE_SPREAD_MS = 1500;

  /**
   * How often labrpc checks whether the server of a pending call died (DeleteServer or disabled
   * end).
   */
  public static final Duration DEAD_POLL = Duration.ofMillis(100);

  /**
   * One-way latency of every hop. labrpc's reliable path adds no artificial delay; a small fixed
   * latency keeps virtual time moving (a retry loop cannot spin at one instant) without reordering
   * anything on the reliable path.
   */
  public static final Duration BASE_LATENCY = Duration.ofNanos(100_000);
}
