package simlab.kv;

/**
 * A whole implementation of the service: server and clerk come together because they share a wire
 * protocol. The lab 4 suites load it with {@code Implementations.load(KvService.class, "sim.kv",
 * new ReferenceKv())}, so a student selects theirs with {@code -Dsim.kv=com.example.MyKv} (public,
 * no-argument constructor).
 */
public interface KvService extends KvServerFactory, ClerkFactory {}
