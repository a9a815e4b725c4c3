package simlab.sim;

/** A node instance that wants to hear about its own crash (6.5840's {@code Kill()}). */
public interface Killable {
  void kill();
}
