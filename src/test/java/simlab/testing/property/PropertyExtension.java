package simlab.testing.property;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import simlab.testing.SeedExtension;

/** Gives a {@link PropertyTest} method its {@link PropertyContext}: name, seeds and settings. */
public final class PropertyExtension implements ParameterResolver {
  static final String REPLAY_KEY = "sim.property.replay";
  static final String FAILURE_DIR_KEY = "sim.property.failures";

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == PropertyContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    String name =
        c.getRequiredTestClass().getSimpleName() + "." + c.getRequiredTestMethod().getName();
    long[] seeds = SeedExtension.seeds(c).toArray();
    Path failureDir =
        Path.of(
            c.getConfigurationParameter(FAILURE_DIR_KEY)
                .filter(s -> !s.isBlank())
                .orElse(PropertyRunner.DEFAULT_FAILURE_DIR));
    Path replay =
        c.getConfigurationParameter(REPLAY_KEY)
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .orElse(null);
    return new PropertyContext(name, seeds, new PropertyRunner(failureDir), replay);
  }
}
