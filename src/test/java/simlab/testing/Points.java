package simlab.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a graded {@link SimTest} is worth. The grader ({@code test-scripts/grade}) reads them
 * from here, and refuses to grade (exit 2, naming the test) if a test of a graded part has none.
 * The handouts' tables (labs/*.md) mirror these numbers as documentation; {@code HandoutPointsTest}
 * keeps the two equal.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Points {
  /** Points earned when the test passes at every seed the grader runs; at least 1. */
  int value();
}
