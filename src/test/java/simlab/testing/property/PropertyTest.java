package simlab.testing.property;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property test: a JUnit {@link TestFactory} that takes a {@link PropertyContext} and returns
 * {@code context.run(property)}, one dynamic test per master seed (the seeds of every simulated
 * test: {@code -Dsim.seed}, {@code -Dsim.seeds}, default 1). The property is named {@code
 * Class.method}. With {@code -Dsim.property.replay=FILE} the property that FILE names replays
 * FILE's case instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestFactory
@ExtendWith(PropertyExtension.class)
public @interface PropertyTest {}
