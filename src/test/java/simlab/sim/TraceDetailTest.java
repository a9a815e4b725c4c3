package simlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the kept trace shows beyond the hash — timer names, call ids, fields, statuses, annotations
 * — and that the hash ignores it.
 */
class TraceDetailTest {
  /**
   * One run: node a pings b every 10 ms through a timer named {@code name}, optionally annotating
   * and publishing a status.
   */
  private static Simulation run(String name, boolean extras) {
    Simulation sim = new Simulation(3, true);
    sim.addNode("b", ctx -> new PingNode(ctx, false));
    sim.addNode(
        "a",
        List.of("b"),
        ctx -> {
          Runnable[] tick = new Runnable[1];
          tick[0] =
              () -> {
                ctx.call("b", new PingNode.Ping("a", 7), r -> {});
                if (extras) {
                  ctx.annotate("sent a ping");
                  ctx.status("role=pinger term=1");
                }
                if (name == null) {
                  ctx.schedule(Duration.ofMillis(10), tick[0]);
                } else {
                  ctx.schedule(name, Duration.ofMillis(10), tick[0]);
                }
              };
          tick[0].run();
          return new Object();
        });
    if (extras) {
      sim.annotate("phase: test");
    }
    sim.runFor(Duration.ofMillis(100));
    return sim;
  }

  @Test
  void namesFieldsStatusesAndAnnotationsStayOutOfTheHash() {
    Simulation plain = run(null, false);
    Simulation named = run("ping", true);
    assertEquals(plain.trace().hashHex(), named.trace().hashHex());
    assertEquals(plain.trace().recordCount(), named.trace().recordCount());
    List<String> lines = named.trace().lines();
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("\"kind\":\"timer\"") && l.contains("\"what\":\"ping\"")),
        lines.get(0));
    assertTrue(
        plain.trace().lines().stream()
            .anyMatch(l -> l.contains("\"kind\":\"timer\"") && l.contains("\"what\":\"timer\"")));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains("\"kind\":\"send\"")
                        && l.contains("\"call\":1")
                        && l.contains("\"fields\":{\"from\":\"a\",\"n\":7}")),
        String.join("\n", lines.subList(0, 5)));
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains("\"kind\":\"reply\"")
                        && l.contains("\"call\":1")
                        && l.contains("\"t2\":")
                        && l.contains("\"fields\":{\"from\":\"b\",\"n\":7}")));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("\"kind\":\"annotate\"") && l.contains("sent a ping")));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("\"kind\":\"annotate\"") && l.contains("phase: test")));
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.contains("\"kind\":\"status\"") && l.contains("role=pinger term=1")));
  }

  @Test
  void messageFieldsCutLongCollectionsAndStrings() {
    record Big(List<Integer> xs, String s, byte[] data) {}
    String json =
        MessageFields.json(new Big(List.of(1, 2, 3, 4, 5, 6, 7, 8), "x".repeat(100), new byte[40]));
    assertEquals(
        "{\"xs\":[1,2,3,4,5,6,\"… 8 in all\"],\"s\":\""
            + "x".repeat(48)
            + "…(100)\",\"data\":\"bytes[40]\"}",
        json);
  }
}
