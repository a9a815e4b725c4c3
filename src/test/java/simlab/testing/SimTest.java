package simlab.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A simulated test: runs once per seed. The seeds come from one place: {@code -Dsim.seed=N} replays
 * seed N, {@code -Dsim.seeds=K} sweeps K seeds (from {@code sim.seed}, default 1), and with neither
 * the fixed seed 1 keeps CI stable. The test method takes a {@link Seed} parameter and builds its
 * simulation from it.
 *
 * <p>{@link #name()} is the 6.5840 test name (e.g. {@code TestReElection3A}) used by {@code
 * test-scripts/replay} and {@code test-scripts/grade}; it defaults to the method name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(SeedExtension.class)
public @interface SimTest {
  String name() default "";
}
