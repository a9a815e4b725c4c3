package simlab.explore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import simlab.kvsrv1.Err;
import simlab.kvsrv1.VersionedClerk;
import simlab.sim.Simulation;
import simlab.workload.Workload;
import simlab.workload.WorkloadParams;

/**
 * Clients of the 2025 services (kvsrv1, kvraft1, shardkv1) through their versioned API: each client
 * draws a key from the key space and either reads it (with {@code readPercent}, and always when it
 * does not know the key's version) or puts a new value at the version it last saw, as 6.5840's own
 * concurrent clerks do. Put outcomes teach it the next version: OK moves it on by one, ErrNoKey
 * means 0, ErrVersion and ErrMaybe make it read again first. Values are unique per client and
 * operation ({@code c<client>.<seq>}). The clerks given are the recording ones, so every operation
 * lands in the history; client c draws from the stream {@code workload:versioned:client-c}.
 */
class VersionedWorkload implements Workload {
  private final Simulation sim;
  private final WorkloadParams params;
  private final List<VersionedClerk> clerks;
  final List<Client> clients = new ArrayList<>();

  VersionedWorkload(Simulation sim, WorkloadParams params, List<VersionedClerk> clerks) {
    this.sim = sim;
    this.params = params;
    this.clerks = List.copyOf(clerks);
  }

  /** One client: one operation at a time, a think pause after each. */
  final class Client {
    private final int me;
    private final VersionedClerk ck;
    private final RandomGenerator r;

    /** The version this client believes each key is at; absent: unknown, read it first. */
    private final Map<String, Long> known = new TreeMap<>();

    int issued;
    int completed;
    boolean inFlight;
    boolean stopping;

    Client(int me, VersionedClerk ck) {
      this.me = me;
      this.ck = ck;
      this.r = sim.random("workload:versioned:client-" + me);
    }

    void next() {
      if (stopping || issued >= params.opsPerClient()) {
        return;
      }
      int seq = issued++;
      inFlight = true;
      // Both draws every time, so one operation's choice never shifts the next one's draws.
      String key = "k" + r.nextInt(params.keys());
      boolean read = r.nextInt(100) < params.readPercent();
      Long version = known.get(key);
      if (read || version == null) {
        ck.get(key)
            .onComplete(
                g -> {
                  if (g.err() == Err.OK) {
                    known.put(key, g.version());
                  } else if (g.err() == Err.ErrNoKey) {
                    known.put(key, 0L);
                  }
                  done();
                });
        return;
      }
      ck.put(key, "c" + me + "." + seq, version)
          .onComplete(
              e -> {
                switch (e) {
                  case OK -> known.put(key, version + 1);
                  case ErrNoKey -> known.put(key, 0L);
                  default -> known.remove(key);
                }
                done();
              });
    }

    private void done() {
      inFlight = false;
      completed++;
      Duration think = params.think();
      if (think.isZero()) {
        next();
      } else {
        sim.schedule(think, this::next);
      }
    }

    boolean finished() {
      return !inFlight && (stopping || issued >= params.opsPerClient());
    }
  }

  @Override
  public void start() {
    for (int c = 0; c < clerks.size(); c++) {
      clients.add(new Client(c, clerks.get(c)));
    }
    clients.forEach(Client::next);
  }

  @Override
  public void stop() {
    clients.forEach(c -> c.stopping = true);
  }

  @Override
  public boolean finished() {
    return clients.stream().allMatch(Client::finished);
  }

  @Override
  public long completed() {
    return clients.stream().mapToLong(c -> c.completed).sum();
  }

  @Override
  public long pending() {
    return clients.stream().mapToLong(c -> c.issued - c.completed).sum();
  }

  @Override
  public int[] issuedPerClient() {
    return clients.stream().mapToInt(c -> c.issued).toArray();
  }

  @Override
  public int[] completedPerClient() {
    return clients.stream().mapToInt(c -> c.completed).toArray();
  }
}
