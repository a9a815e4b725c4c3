package simlab.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import simlab.sim.Simulation;
import simlab.sim.TraceKind;

/**
 * Applies a {@link Schedule} to a running simulation: {@link #start()} schedules every step at its
 * time (relative to the start), and each applied fault schedules its own end.
 *
 * <p>Faults compose by counting: a link is down while at least one active fault cuts it, a node is
 * clogged while at least one clogs it, a node crashed by the nemesis restarts when the last fault
 * holding it down ends, and the network is unreliable (or reordering) while at least one such fault
 * is active; at zero it returns to the mode it had at start. A heal ends every active fault at
 * once. The nemesis only ever touches links between the target's nodes, so the links a harness
 * keeps to its clients are left as they are.
 *
 * <p>Every applied step and every fault's end is recorded in the trace (kind LINK, node "nemesis",
 * so it counts in the trace hash) and as a readable line in {@link #log()}. Symbolic node sets
 * ("leader", "minority") are resolved when applied; "minority" draws from the stream {@code
 * nemesis:<step text>} of the run's seed, so the draw depends on the step alone, not on its
 * position in the schedule.
 */
public final class NemesisDriver {
  private final NemesisTarget target;
  private final Schedule schedule;
  private final Simulation sim;
  private final Topology topo;
  private final Resolver resolver;
  private final Consumer<String> echo;
  private final List<String> log = new ArrayList<>();
  private final Map<Long, Integer> cuts = new LinkedHashMap<>();
  private final int[] crashes;
  private final boolean[] crashedByUs;
  private final int[] clogs;
  private final List<Active> active = new ArrayList<>();
  private int unreliable;
  private int reordering;
  private int duplicating;
  private boolean baseReliable;
  private boolean baseReordering;
  private long startNanos = -1;
  private int applied;
  private Active armed;
  private Active armedCommit;
  private Active armedCut;
  private int ctrlerCuts;

  /** A fault that has been applied and not yet ended. */
  private final class Active {
    final Step step;
    Runnable undo;
    boolean ended;

    Active(Step step, Runnable undo) {
      this.step = step;
      this.undo = undo;
    }

    void end(String why) {
      if (ended) {
        return;
      }
      ended = true;
      active.remove(this);
      undo.run();
      note(why + ": " + step.text(), "");
    }
  }

  /**
   * @param echo also receives every log line (e.g. System.out::println), or null
   */
  public NemesisDriver(NemesisTarget target, Schedule schedule, Consumer<String> echo) {
    this.target = target;
    this.schedule = schedule;
    this.sim = target.sim();
    this.topo = target.topology();
    this.resolver = new Resolver(target);
    this.echo = echo;
    this.crashes = new int[topo.size()];
    this.crashedByUs = new boolean[topo.size()];
    this.clogs = new int[topo.size()];
    schedule.validate(topo);
    if (!target.hasController()) {
      for (Step s : schedule.steps()) {
        if (s instanceof Step.CtrlerCut) {
          throw new IllegalArgumentException(
              "'" + s.text() + "': this target has no controller to cut off (shardkv1 only)");
        }
      }
    }
  }

  /** Schedules every step relative to now. Call once. */
  public void start() {
    if (startNanos >= 0) {
      throw new IllegalStateException("the nemesis has already started");
    }
    startNanos = sim.nowNanos();
    baseReliable = sim.network().reliable();
    baseReordering = sim.network().longReordering();
    target.onLeaderStart(this::leaderStarted);
    target.onCommit(this::committed);
    if (target.hasController()) {
      target.onConfigChange(this::configChangeBegan);
    }
    for (Step s : schedule.steps()) {
      sim.schedule(Duration.ofMillis(s.atMs()), () -> apply(s));
    }
  }

  public Schedule schedule() {
    return schedule;
  }

  /** The readable record of what was applied, one line per step or fault end. */
  public List<String> log() {
    return List.copyOf(log);
  }

  /** Steps applied so far. */
  public int applied() {
    return applied;
  }

  /** Every step applied and every fault ended. */
  public boolean finished() {
    return applied == schedule.size() && active.isEmpty();
  }

  /** The virtual instant (ns) the schedule's time 0 refers to; -1 before {@link #start()}. */
  public long startNanos() {
    return startNanos;
  }

  // ---- applying steps ---------------------------------------------------------------------

  private void apply(Step s) {
    applied++;
    RandomGenerator r = sim.random("nemesis:" + s.text());
    if (s instanceof Step.Heal) {
      note(s.text(), "");
      for (Active a : List.copyOf(active)) {
        a.end("healed");
      }
      return;
    }
    if (s instanceof Step.Partition p) {
      List<Integer> a = resolver.resolve(p.side(), List.of(), r);
      List<Integer> b = resolver.resolve(p.other(), a, r);
      List<long[]> links = new ArrayList<>();
      addLinks(links, a, b);
      addLinks(links, b, a);
      cutFor(s, links, sides(a, b));
    } else if (s instanceof Step.Isolate p) {
      List<Integer> nodes = resolver.resolve(p.nodes(), List.of(), r);
      List<Integer> all = ScheduleGenerator.complement(topo.size(), List.of());
      List<long[]> links = new ArrayList<>();
      addLinks(links, nodes, all);
      addLinks(links, all, nodes);
      cutFor(s, links, names(nodes));
    } else if (s instanceof Step.Bridge p) {
      List<long[]> links = new ArrayList<>();
      addLinks(links, p.left(), p.right());
      addLinks(links, p.right(), p.left());
      cutFor(s, links, names(p.left()) + " <" + names(p.via()) + "> " + names(p.right()));
    } else if (s instanceof Step.Cut p) {
      List<Integer> from = resolver.resolve(p.from(), List.of(), r);
      List<Integer> to = resolver.resolve(p.to(), from, r);
      List<long[]> links = new ArrayList<>();
      addLinks(links, from, to);
      cutFor(s, links, names(from) + " -> " + names(to));
    } else if (s instanceof Step.Crash p) {
      List<Integer> nodes = resolver.resolve(p.nodes(), List.of(), r);
      crashFor(s, nodes, s.forMs());
    } else if (s instanceof Step.CrashLeaderAfterStart) {
      Active a = new Active(s, () -> armed = null);
      active.add(a);
      armed = a;
      note(s.text(), " (armed)");
    } else if (s instanceof Step.CrashAfterCommit) {
      Active a = new Active(s, () -> armedCommit = null);
      active.add(a);
      armedCommit = a;
      note(s.text(), " (armed)");
    } else if (s instanceof Step.CtrlerCut) {
      Active a = new Active(s, () -> armedCut = null);
      active.add(a);
      armedCut = a;
      note(s.text(), " (armed)");
    } else if (s instanceof Step.Unreliable) {
      unreliable++;
      target.setReliable(false);
      begin(
          s,
          () -> {
            if (--unreliable == 0) {
              target.setReliable(baseReliable);
            }
          },
          "");
    } else if (s instanceof Step.Reorder) {
      reordering++;
      target.setLongReordering(true);
      begin(
          s,
          () -> {
            if (--reordering == 0) {
              target.setLongReordering(baseReordering);
            }
          },
          "");
    } else if (s instanceof Step.Duplicate) {
      duplicating++;
      target.setDuplicating(true);
      begin(
          s,
          () -> {
            if (--duplicating == 0) {
              target.setDuplicating(false);
            }
          },
          "");
    } else if (s instanceof Step.Clog p) {
      List<Integer> nodes = resolver.resolve(p.nodes(), List.of(), r);
      for (int i : nodes) {
        if (clogs[i]++ == 0) {
          target.setClogged(i, true);
        }
      }
      begin(
          s,
          () -> {
            for (int i : nodes) {
              if (--clogs[i] == 0) {
                target.setClogged(i, false);
              }
            }
          },
          names(nodes));
    }
  }

  private void leaderStarted(int node) {
    Active a = armed;
    if (a == null || a.ended) {
      return;
    }
    armed = null;
    // Crash in the next event at this instant: the Start call that triggered it returns
    // normally, and the entry is in the leader's log but cannot have been committed.
    sim.schedule(
        Duration.ZERO,
        () -> {
          if (a.ended) {
            return;
          }
          active.remove(a);
          a.ended = true;
          note("triggered: " + a.step.text(), names(List.of(node)));
          crashFor(a.step, List.of(node), a.step.forMs());
        });
  }

  private void committed(int node) {
    Active a = armedCommit;
    if (a == null || a.ended) {
      return;
    }
    armedCommit = null;
    // Crash in the next event at this instant: the apply that triggered it completes, and no
    // message sent after it has arrived anywhere yet.
    sim.schedule(
        Duration.ZERO,
        () -> {
          if (a.ended) {
            return;
          }
          active.remove(a);
          a.ended = true;
          Step.CrashAfterCommit c = (Step.CrashAfterCommit) a.step;
          List<Integer> nodes =
              resolver.resolve(c.nodes(), List.of(), sim.random("nemesis:" + c.text()));
          note("triggered: " + c.text(), names(List.of(node)));
          crashFor(c, nodes, c.forMs());
        });
  }

  private void configChangeBegan() {
    Active a = armedCut;
    if (a == null || a.ended) {
      return;
    }
    armedCut = null;
    // The delay comes from the step's own stream, so it depends on the step alone; it puts the cut
    // at different points of the change (before the next configuration is stored, between shard
    // moves, around the publish).
    long delayUs =
        sim.random("nemesis:" + a.step.text()).nextLong(Step.CtrlerCut.MAX_DELAY_MS * 1000 + 1);
    sim.schedule(
        Duration.ofNanos(delayUs * 1000),
        () -> {
          if (a.ended) {
            return;
          }
          active.remove(a);
          a.ended = true;
          note("triggered: " + a.step.text(), "after " + delayUs + " us");
          cutControllerFor(a.step);
        });
  }

  private void cutControllerFor(Step s) {
    if (ctrlerCuts++ == 0) {
      target.cutController();
    }
    begin(
        s,
        () -> {
          if (--ctrlerCuts == 0) {
            target.reconnectController();
          }
        },
        "controller");
  }

  private void crashFor(Step s, List<Integer> nodes, long forMs) {
    for (int i : nodes) {
      if (crashes[i]++ == 0 && target.isAlive(i)) {
        crashedByUs[i] = true;
        target.crash(i);
      }
    }
    Active a =
        new Active(
            s,
            () -> {
              for (int i : nodes) {
                if (--crashes[i] == 0 && crashedByUs[i]) {
                  crashedByUs[i] = false;
                  target.restart(i);
                }
              }
            });
    active.add(a);
    note(s.text(), names(nodes));
    sim.schedule(Duration.ofMillis(forMs), () -> a.end("ended"));
  }

  private void cutFor(Step s, List<long[]> links, String detail) {
    for (long[] l : links) {
      if (cuts.merge(key(l), 1, Integer::sum) == 1) {
        target.setLink((int) l[0], (int) l[1], false);
      }
    }
    begin(
        s,
        () -> {
          for (long[] l : links) {
            if (cuts.merge(key(l), -1, Integer::sum) == 0) {
              cuts.remove(key(l));
              target.setLink((int) l[0], (int) l[1], true);
            }
          }
        },
        detail);
  }

  private void begin(Step s, Runnable undo, String detail) {
    Active a = new Active(s, undo);
    active.add(a);
    note(s.text(), detail);
    sim.schedule(Duration.ofMillis(s.forMs()), () -> a.end("ended"));
  }

  private static void addLinks(List<long[]> links, List<Integer> from, List<Integer> to) {
    for (int a : from) {
      for (int b : to) {
        if (a != b) {
          links.add(new long[] {a, b});
        }
      }
    }
  }

  private static long key(long[] l) {
    return l[0] << 32 | l[1];
  }

  private String names(List<Integer> nodes) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < nodes.size(); i++) {
      b.append(i == 0 ? "" : " ").append(topo.nodes().get(nodes.get(i)));
    }
    return b.append(']').toString();
  }

  private String sides(List<Integer> a, List<Integer> b) {
    return names(a) + " | " + names(b);
  }

  private void note(String what, String detail) {
    String text = detail.isEmpty() ? what : what + " -> " + detail;
    sim.record(TraceKind.LINK, "nemesis", text);
    long ms = startNanos < 0 ? 0 : (sim.nowNanos() - startNanos) / 1_000_000L;
    String line = String.format("%8d ms  nemesis: %s", ms, text);
    log.add(line);
    if (echo != null) {
      echo.accept(line);
    }
  }
}
